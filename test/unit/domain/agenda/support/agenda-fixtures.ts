/**
 * Tickets of the sample organisation for agenda specifications: received on Monday 23 November
 * 2026 at 14:00 UTC (AMER and EMEA on shift), triaged onto its real policy and queue, and driven
 * through `decide` and `evolve` only.
 */
import { Command } from '../../../../../shared/domain/commands/commands';
import { instantPlus } from '../../../../../shared/domain/commands/instants';
import { OrgConfig } from '../../../../../shared/domain/org/org-config';
import { Engineer } from '../../../../../shared/domain/roster/roster';
import { EngineerRef } from '../../../../../shared/domain/ticket/engineer-ref';
import { Ticket } from '../../../../../shared/domain/ticket/ticket';
import { sampleOrg } from '../../support/org-fixtures';
import { apply, receivedTicket, system, T0 } from '../../support/ticket-fixtures';

export { T0 };
export const org: OrgConfig = sampleOrg();

/** `minutes` after T0. */
export function at(minutes: number): string {
  return instantPlus(T0, { hours: minutes / 60 });
}

export function refOf(engineerId: string): EngineerRef {
  const engineer: Engineer | undefined = org.roster.engineers.find((candidate) => candidate.id === engineerId);
  if (engineer === undefined) throw new Error(`no engineer ${engineerId} on the sample roster`);
  return { engineerId: engineer.id, name: engineer.name, email: engineer.email, region: engineer.region };
}

/** Applies timed commands: `[minutes after T0, command]`. */
export function applyAt(ticket: Ticket, steps: readonly (readonly [number, Command])[]): Ticket {
  return steps.reduce((current, [minutes, command]) => apply(current, command, at(minutes)), ticket);
}

/** A Contoso Exchange Online ticket (Sev A unless overridden) triaged on the enterprise policy. */
export function triagedTicket(overrides: Record<string, unknown> = {}): Ticket {
  return applyAt(receivedTicket(overrides), [
    [0, { type: 'start-validation', actor: system }],
    [0, { type: 'triage', actor: system, slaPolicyId: 'enterprise-emea', queueId: 'collaboration', contractId: 'contoso-unified', tamEmail: 'tom.reyes@css.example' }],
  ]);
}

export function assignedTicket(engineerId: string, overrides: Record<string, unknown> = {}): Ticket {
  return applyAt(triagedTicket(overrides), [[1, { type: 'assign', actor: system, engineer: refOf(engineerId) }]]);
}
