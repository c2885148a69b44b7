/**
 * Tickets of the sample organisation at the stages the lifecycle's shell acts on, built through
 * `decide` and `evolve`: triaged onto the real policy and queue, assigned, with a vendor case.
 */
import type { Command } from '../../../../shared/domain/commands/commands';
import { instantPlus } from '../../../../shared/domain/commands/instants';
import type { EngineerRef } from '../../../../shared/domain/ticket/engineer-ref';
import type { Ticket } from '../../../../shared/domain/ticket/ticket';
import { apply, engineer, receivedTicket, system, T0 } from '../../domain/support/ticket-fixtures';

export const chloe: EngineerRef = { engineerId: 'chloe-dubois', name: 'Chloé Dubois', email: 'chloe.dubois@css.example', region: 'EMEA' };

export function minutesAfterT0(minutes: number): string {
  return instantPlus(T0, { hours: minutes / 60 });
}

export function applyAt(ticket: Ticket, steps: readonly (readonly [number, Command])[]): Ticket {
  return steps.reduce((current, [minutes, command]) => apply(current, command, minutesAfterT0(minutes)), ticket);
}

export function workedTicket(ticketNumber = 'BTN-2026-000042', overrides: Record<string, unknown> = {}): Ticket {
  return applyAt(receivedTicket(overrides, ticketNumber), [
    [0, { type: 'start-validation', actor: system }],
    [0, { type: 'triage', actor: system, slaPolicyId: 'enterprise-emea', queueId: 'collaboration', contractId: 'contoso-unified', tamEmail: 'tom.reyes@css.example' }],
    [1, { type: 'assign', actor: system, engineer: chloe }],
    [5, { type: 'acknowledge', actor: engineer(chloe), message: 'I have your ticket.' }],
  ]);
}

export function withVendorCase(ticket: Ticket, caseId = 'SR-1'): Ticket {
  return applyAt(ticket, [
    [30, { type: 'escalate-to-vendor', actor: engineer(chloe), justification: 'Backend transport logs are needed.' }],
    [31, { type: 'record-vendor-case', actor: system, outcome: { status: 'opened', caseId } }],
  ]);
}
