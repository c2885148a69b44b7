/**
 * Builders for ticket specifications: a well-formed web-form submission, the people who act on
 * tickets, and tickets driven to a given stage through `decide` and `evolve` only.
 */
import { Intake, WebFormIntakeSchema } from '../../../../shared/domain/intake/intake';
import { Command } from '../../../../shared/domain/commands/commands';
import { decide } from '../../../../shared/domain/commands/decide';
import { DecisionContext } from '../../../../shared/domain/commands/decision-context';
import { evolve } from '../../../../shared/domain/commands/evolve';
import { instantPlus } from '../../../../shared/domain/commands/instants';
import { receiveTicket } from '../../../../shared/domain/commands/receive-ticket';
import { DEFAULT_LIFECYCLE_SETTINGS } from '../../../../shared/domain/org/lifecycle-settings';
import { Actor } from '../../../../shared/domain/ticket/actor';
import { EngineerRef } from '../../../../shared/domain/ticket/engineer-ref';
import { Ticket } from '../../../../shared/domain/ticket/ticket';

export const T0 = '2026-11-23T14:00:00.000Z';

export function minutesAfter(instant: string, minutes: number): string {
  return instantPlus(instant, { hours: minutes / 60 });
}

export function webFormBody(): Record<string, unknown> {
  return {
    requester: { name: 'Aoife Byrne', email: 'Aoife.Byrne@contoso.com', timeZone: 'Europe/Dublin', available24x7: true, phone: '+353 1 555 0100' },
    company: 'Contoso Ltd',
    tenantDomain: 'contoso.onmicrosoft.com',
    productArea: 'exchange-online',
    severity: 'A',
    scope: 'cloud',
    title: 'Outbound mail stuck in queue for all users',
    description:
      'Since 09:10 UTC every outbound message from our tenant stays in the queue with a deferral; inbound mail still arrives and the service health page shows no incident.',
    businessImpact: 'Sales cannot send quotes to customers; about 400 users affected.',
    whatWasTried: 'Checked connectors and the message trace; restarted the hybrid agent.',
    errorText: '451 4.4.0 DNS query failed',
  };
}

export function webFormIntake(overrides: Record<string, unknown> = {}): Intake {
  return WebFormIntakeSchema.parse({ ...webFormBody(), ...overrides });
}

export const requester: Actor = { role: 'requester', id: 'aoife.byrne@contoso.com', name: 'Aoife Byrne' };
export const system: Actor = { role: 'system', id: 'baton' };
export const lead: Actor = { role: 'team-lead', id: 'grace-okafor', name: 'Grace Okafor' };
export const tam: Actor = { role: 'tam', id: 'tom.reyes@css.example', name: 'Tom Reyes' };
export const admin: Actor = { role: 'admin', id: 'desk-admin' };
export const vendor: Actor = { role: 'vendor', id: 'microsoft' };

export const maria: EngineerRef = { engineerId: 'maria-garcia', name: 'María García', email: 'maria.garcia@css.example', region: 'AMER' };
export const lukas: EngineerRef = { engineerId: 'lukas-weber', name: 'Lukas Weber', email: 'lukas.weber@css.example', region: 'EMEA' };
export const priya: EngineerRef = { engineerId: 'priya-nair', name: 'Priya Nair', email: 'priya.nair@css.example', region: 'APAC' };
export const graceRef: EngineerRef = { engineerId: 'grace-okafor', name: 'Grace Okafor', email: 'grace.okafor@css.example', region: 'EMEA' };

export function engineer(ref: EngineerRef): Actor {
  return { role: 'engineer', id: ref.engineerId, name: ref.name };
}

export const context: DecisionContext = { lifecycle: DEFAULT_LIFECYCLE_SETTINGS };

export function receivedTicket(overrides: Record<string, unknown> = {}, ticketNumber = 'BTN-2026-000042'): Ticket {
  return receiveTicket({ ticketNumber, intake: webFormIntake(overrides), accessTokenHash: 'sha256:0123456789abcdef0123', receivedAt: T0 }).ticket;
}

/** Applies a command that must be accepted; a rejection fails the specification with its reason. */
export function apply(ticket: Ticket, command: Command, at: string): Ticket {
  const decision = decide(ticket, command, at, context);
  if (!decision.ok) {
    throw new Error(`${command.type} was rejected: ${decision.rejection.code} ${decision.rejection.message}`);
  }
  return decision.events.reduce(evolve, ticket);
}

/** Applies commands one minute apart, starting one minute after the ticket's last event. */
export function applyAll(ticket: Ticket, commands: readonly Command[]): Ticket {
  return commands.reduce((current, command) => apply(current, command, minutesAfter(current.updatedAt, 1)), ticket);
}

export function triagedTicket(overrides: Record<string, unknown> = {}): Ticket {
  return applyAll(receivedTicket(overrides), [
    { type: 'start-validation', actor: system },
    { type: 'triage', actor: system, slaPolicyId: 'enterprise-emea', queueId: 'collaboration', contractId: 'contoso-unified', tamEmail: 'tom.reyes@css.example' },
  ]);
}

export function assignedTicket(overrides: Record<string, unknown> = {}): Ticket {
  return applyAll(triagedTicket(overrides), [{ type: 'assign', actor: system, engineer: maria }]);
}

export function investigatingTicket(overrides: Record<string, unknown> = {}): Ticket {
  return applyAll(assignedTicket(overrides), [{ type: 'acknowledge', actor: engineer(maria), message: 'I own this ticket now and am reviewing the message trace.' }]);
}

export function proposedTicket(overrides: Record<string, unknown> = {}): Ticket {
  return applyAll(investigatingTicket(overrides), [
    { type: 'propose-resolution', actor: engineer(maria), summary: 'The MX record pointed at a retired smart host; updated the connector.' },
  ]);
}

export function closedTicket(): Ticket {
  return applyAll(proposedTicket(), [{ type: 'confirm-resolution', actor: requester }]);
}
