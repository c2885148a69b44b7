import { lifecycleDueAt, nextLookAfter } from '../../../../shared/domain/agenda/lifecycle-due';
import { ticketAgenda } from '../../../../shared/domain/agenda/ticket-agenda';
import { engineer, receivedTicket, requester, system } from '../support/ticket-fixtures';
import { applyAt, assignedTicket, at, org, refOf, triagedTicket } from './support/agenda-fixtures';

describe('when a ticket’s lifecycle must next act', () => {
  const assigned = assignedTicket('maria-garcia');
  const maria = engineer(refOf('maria-garcia'));

  it('is at once while the ticket awaits validation', () => {
    expect(lifecycleDueAt(receivedTicket(), org, at(0))).toBe(at(0));
    expect(lifecycleDueAt(applyAt(receivedTicket(), [[0, { type: 'start-validation', actor: system }]]), org, at(1))).toBe(at(1));
  });

  it('is at once while its agenda has something due: an engineer to assign after triage', () => {
    expect(ticketAgenda(triagedTicket(), org, at(0)).due.map((item) => item.kind)).toEqual(['assign']);
    expect(lifecycleDueAt(triagedTicket(), org, at(0))).toBe(at(0));
  });

  it('is the next SLA warning of an assigned Sev A ticket nobody has answered, the instant its orchestration sleeps until', () => {
    expect(lifecycleDueAt(assigned, org, at(10))).toBe(at(45));
    expect(lifecycleDueAt(assigned, org, at(10))).toBe(ticketAgenda(assigned, org, at(10)).nextWakeAt);
  });

  it('is at once when a person’s change leaves work for Baton: an L3 case to raise', () => {
    const escalated = applyAt(assigned, [[20, { type: 'escalate-to-vendor', actor: maria, justification: 'Backend logs are needed.' }]]);
    expect(lifecycleDueAt(escalated, org, at(20))).toBe(at(20));
  });

  it('is never once the ticket is finished, even while its reopen window keeps the orchestration asleep', () => {
    const closed = applyAt(assigned, [
      [20, { type: 'propose-resolution', actor: maria, summary: 'Fixed the connector.' }],
      [30, { type: 'confirm-resolution', actor: requester }],
    ]);
    expect(closed.status).toBe('closed');
    expect(ticketAgenda(closed, org, at(31)).nextWakeAt).toBeDefined();
    expect(lifecycleDueAt(closed, org, at(31))).toBeUndefined();
    expect(nextLookAfter(closed, org, at(31))).toBeUndefined();
  });

  it('is at once without the organisation, so that the watchdog looks once it has it', () => {
    expect(lifecycleDueAt(assigned, undefined, at(10))).toBe(at(10));
  });

  it('looks past what is due now when the watchdog finds the lifecycle alive: to the agenda’s next instant', () => {
    expect(nextLookAfter(triagedTicket(), org, at(0))).toBe(ticketAgenda(triagedTicket(), org, at(0)).nextWakeAt);
    expect(nextLookAfter(assigned, org, at(10))).toBe(at(45));
  });
});
