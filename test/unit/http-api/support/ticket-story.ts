/**
 * Tickets for API specifications, driven to a stage through the domain's own `decide` and
 * `evolve`: a Contoso requester's web-form ticket, triaged onto the sample organisation's queue
 * and SLA policy and assigned to an engineer of the sample roster.
 */
import { WebFormIntakeSchema, type WebFormIntake } from '../../../../shared/domain/intake/intake';
import type { Command } from '../../../../shared/domain/commands/commands';
import { decide } from '../../../../shared/domain/commands/decide';
import { evolve } from '../../../../shared/domain/commands/evolve';
import { receiveTicket } from '../../../../shared/domain/commands/receive-ticket';
import { DEFAULT_LIFECYCLE_SETTINGS } from '../../../../shared/domain/org/lifecycle-settings';
import type { Actor } from '../../../../shared/domain/ticket/actor';
import type { EngineerRef } from '../../../../shared/domain/ticket/engineer-ref';
import type { Ticket } from '../../../../shared/domain/ticket/ticket';

export const SYSTEM: Actor = { role: 'system', id: 'baton' };
export const MARIA: EngineerRef = { engineerId: 'maria-garcia', name: 'María García', email: 'maria.garcia@css.example', region: 'AMER' };
export const LUKAS: EngineerRef = { engineerId: 'lukas-weber', name: 'Lukas Weber', email: 'lukas.weber@css.example', region: 'EMEA' };
export const TAM_EMAIL = 'tom.reyes@css.example';

export function engineerActor(engineer: EngineerRef): Actor {
  return { role: 'engineer', id: engineer.engineerId, name: engineer.name };
}

export function requesterOf(ticket: Ticket): Actor {
  return { role: 'requester', id: ticket.requesterEmail, name: ticket.requester.name };
}

export function storyIntake(overrides: Record<string, unknown> = {}): WebFormIntake {
  return WebFormIntakeSchema.parse({
    requester: { name: 'Ana Silva', email: 'Ana.Silva@contoso.com', timeZone: 'Europe/Lisbon', available24x7: false },
    company: 'Contoso Ltd',
    tenantDomain: 'contoso.onmicrosoft.com',
    productArea: 'entra-id',
    severity: 'B',
    scope: 'cloud',
    title: 'Conditional Access blocks the finance team',
    description:
      'Since Monday 09:00 every member of the finance group gets AADSTS53003 when signing in to Outlook on the web from managed laptops.',
    businessImpact: 'Thirty people cannot read or send email during the month-end close.',
    ...overrides,
  });
}

/** Applies each command a second after the previous event; a rejection fails the specification. */
export function applyCommands(ticket: Ticket, commands: readonly Command[]): Ticket {
  return commands.reduce((current, command) => {
    const at = new Date(Date.parse(current.updatedAt) + 1000).toISOString();
    const decision = decide(current, command, at, { lifecycle: DEFAULT_LIFECYCLE_SETTINGS });
    if (!decision.ok) throw new Error(`${command.type} was rejected: ${decision.rejection.message}`);
    return decision.events.reduce(evolve, current);
  }, ticket);
}

export interface AssignedTicketOptions {
  readonly ticketNumber: string;
  readonly accessTokenHash: string;
  readonly receivedAt: string;
  readonly engineer?: EngineerRef;
  readonly intake?: WebFormIntake;
}

export function assignedTicket(options: AssignedTicketOptions): Ticket {
  const { ticket } = receiveTicket({
    ticketNumber: options.ticketNumber,
    intake: options.intake ?? storyIntake(),
    accessTokenHash: options.accessTokenHash,
    receivedAt: options.receivedAt,
  });
  return applyCommands(ticket, [
    { type: 'start-validation', actor: SYSTEM },
    { type: 'triage', actor: SYSTEM, slaPolicyId: 'enterprise-emea', queueId: 'identity-and-devices', contractId: 'contoso-unified', tamEmail: TAM_EMAIL },
    { type: 'assign', actor: SYSTEM, engineer: options.engineer ?? MARIA },
  ]);
}
