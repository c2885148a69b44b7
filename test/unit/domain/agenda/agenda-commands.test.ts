import { agendaCommands } from '../../../../shared/domain/agenda/agenda-commands';
import type { SlaAlert } from '../../../../shared/domain/sla/sla-clock';
import { minimalBrief } from '../support/handoff-fixtures';
import { graceRef, maria, system } from '../support/ticket-fixtures';
import { triagedTicket } from './support/agenda-fixtures';

describe('the system commands of an agenda item', () => {
  it('assigns the chosen engineer in Baton’s name', () => {
    expect(agendaCommands({ kind: 'assign', engineer: maria })).toEqual([{ type: 'assign', actor: system, engineer: maria }]);
  });

  it('records that nobody can take the ticket and calls in the queue lead with the same reason', () => {
    const reason = 'No engineer can take the ticket: every skilled engineer on shift is at capacity.';
    expect(agendaCommands({ kind: 'no-engineer', queueId: 'collaboration', reason, lead: graceRef })).toEqual([
      { type: 'report-no-engineer', actor: system, queueId: 'collaboration', reason },
      { type: 'escalate-internally', actor: system, reason, to: graceRef },
    ]);
  });

  it('only records that nobody can take the ticket when the queue has no lead to call in', () => {
    const reason = 'No engineer can take the ticket: nobody on the roster has the skill for this product area.';
    expect(agendaCommands({ kind: 'no-engineer', queueId: 'collaboration', reason })).toEqual([{ type: 'report-no-engineer', actor: system, queueId: 'collaboration', reason }]);
  });

  it('raises an SLA alert as it was detected: under its key, with the instant it fell due and its explanation', () => {
    const alert: SlaAlert = {
      kind: 'warning',
      metric: 'first-response',
      cycleId: '2026-11-23T14:00:00.000Z/A',
      key: 'first-response:2026-11-23T14:00:00.000Z/A:warning',
      dueAt: '2026-11-23T14:45:00.000Z',
      explanation: 'SLA nearing its target.',
    };
    expect(agendaCommands({ kind: 'sla-alert', alert })).toEqual([{ type: 'raise-sla-alert', actor: system, alert }]);
  });

  it('hands the ticket over with its brief', () => {
    const brief = minimalBrief(triagedTicket());
    expect(agendaCommands({ kind: 'handoff', to: maria, brief })).toEqual([{ type: 'handoff', actor: system, toEngineer: maria, brief }]);
  });

  it('calls in the lead of a stalled ticket with the reason', () => {
    const reason = '3 handoffs without a customer-visible update.';
    expect(agendaCommands({ kind: 'stall-escalation', lead: graceRef, reason })).toEqual([{ type: 'escalate-internally', actor: system, reason, to: graceRef }]);
  });

  it('reminds the customer of a proposed resolution, then closes it on their silence', () => {
    expect(agendaCommands({ kind: 'resolution-reminder' })).toEqual([{ type: 'send-resolution-reminder', actor: system }]);
    expect(agendaCommands({ kind: 'auto-close' })).toEqual([{ type: 'auto-close', actor: system }]);
  });

  it('closes a ticket the contract does not cover with the explanation the customer reads', () => {
    const explanation = 'The vendor found the fault on-premises, which the contract does not cover.';
    expect(agendaCommands({ kind: 'not-entitled', explanation })).toEqual([{ type: 'close-not-entitled', actor: system, explanation }]);
  });

  it('has none for the vendor case, which needs the vendor’s answer first, nor for the end of the lifecycle', () => {
    expect(agendaCommands({ kind: 'raise-vendor-case' })).toEqual([]);
    expect(agendaCommands({ kind: 'vendor-follow-up', dueAt: '2026-11-23T18:00:00.000Z' })).toEqual([]);
    expect(agendaCommands({ kind: 'lifecycle-ends', reason: 'rejected' })).toEqual([]);
  });
});
