import { lifecycleEndAgenda } from '../../../../shared/domain/agenda/resolution-agenda';
import { slaAgenda, ticketClocks } from '../../../../shared/domain/agenda/sla-agenda';
import { earliestAfter, ticketAgenda } from '../../../../shared/domain/agenda/ticket-agenda';
import { slaCalendarOf, slaPolicyOf } from '../../../../shared/domain/agenda/ticket-setting';
import { vendorAgenda } from '../../../../shared/domain/agenda/vendor-agenda';
import { receiveTicket } from '../../../../shared/domain/commands/receive-ticket';
import type { Ticket } from '../../../../shared/domain/ticket/ticket';
import { engineer, receivedTicket, requester, system } from '../support/ticket-fixtures';
import { applyAt, assignedTicket, at, org, refOf, triagedTicket } from './support/agenda-fixtures';

const HOUR = 60;
const DAY = 24 * HOUR;
const chloe = refOf('chloe-dubois');

/** A chat ticket triaged before anyone asked for its product area (nor, unless given, its severity). */
function triagedChatTicket(severity?: 'A'): Ticket {
  const intake = {
    channel: 'chat' as const,
    requester: { name: 'Aoife Byrne', email: 'aoife.byrne@contoso.com' },
    description: 'Mail to partners bounces since this morning.',
    ...(severity === undefined ? {} : { severity }),
  };
  const received = receiveTicket({ ticketNumber: 'BTN-2026-000043', intake, accessTokenHash: 'sha256:0123456789abcdef0123', receivedAt: at(0) }).ticket;
  return applyAt(received, [
    [0, { type: 'start-validation', actor: system }],
    [0, { type: 'triage', actor: system, slaPolicyId: 'enterprise-emea', queueId: 'collaboration', contractId: 'contoso-unified' }],
  ]);
}

describe('the agenda of a ticket that routing and the SLA have nothing to go on', () => {
  it('proposes no engineer and runs no clock while the ticket has no product area or severity', () => {
    const ticket = triagedChatTicket();
    expect(ticketClocks(ticket, org, at(10))).toEqual([]);
    expect(ticketAgenda(ticket, org, at(10))).toStrictEqual({ due: [] });
  });

  it('leaves a Sev A ticket without a product area with its engineer after the shift: routing has nobody to hand it to', () => {
    const taken = applyAt(triagedChatTicket('A'), [
      [1, { type: 'assign', actor: system, engineer: chloe }],
      [5, { type: 'acknowledge', actor: engineer(chloe), message: 'I have your ticket.' }],
    ]);
    expect(ticketAgenda(taken, org, at(2 * HOUR)).due.filter((item) => item.kind !== 'sla-alert')).toEqual([]);
  });

  it('runs no clock before triage has chosen a policy, nor on a policy the organisation does not have', () => {
    expect(ticketClocks(receivedTicket(), org, at(10))).toEqual([]);
    expect(ticketClocks({ ...triagedTicket(), slaPolicyId: 'gold-apac' }, org, at(10))).toEqual([]);
  });

  it('runs no clock on a calendar the organisation does not have', () => {
    const withoutCalendar = { ...org, calendars: org.calendars.filter((calendar) => calendar.id !== 'around-the-clock') };
    expect(ticketClocks(triagedTicket(), withoutCalendar, at(10))).toEqual([]);
  });
});

describe('the ticket’s place in the organisation', () => {
  it('finds the ticket’s own SLA policy among several, and its calendar at the current severity', () => {
    const onStandard = { ...triagedTicket({ severity: 'B' }), slaPolicyId: 'standard-amer' };
    expect(slaPolicyOf(onStandard, org)?.id).toBe('standard-amer');
    expect(slaCalendarOf(onStandard, org)?.id).toBe('amer-business-hours');
  });

  it('has no SLA calendar before triage', () => {
    expect(slaCalendarOf(receivedTicket(), org)).toBeUndefined();
    expect(slaCalendarOf(triagedChatTicket(), org)).toBeUndefined();
  });
});

describe('SLA alerts on the agenda', () => {
  it('raises the alerts that fell due together in the order they fell due, whatever their metric', () => {
    // Answered at 17:50 into the day: the next update is due at 18:50 and the resolution warned at 18:00 (75 % of 24 h).
    const answered = applyAt(assignedTicket('chloe-dubois'), [
      [5, { type: 'acknowledge', actor: engineer(chloe), message: 'I have your ticket.' }],
      [17 * HOUR + 50, { type: 'respond', actor: engineer(chloe), message: 'Still on it.' }],
    ]);
    const clocks = ticketClocks(answered, org, at(19 * HOUR));
    const alerts = slaAgenda(answered, clocks, at(19 * HOUR)).due.map((item) => (item.kind === 'sla-alert' ? `${item.alert.metric}/${item.alert.kind} ${item.alert.dueAt}` : item.kind));
    expect(alerts).toEqual([`resolution/warning ${at(18 * HOUR)}`, `next-update/breach ${at(18 * HOUR + 50)}`]);
  });
});

describe('when the agenda looks again', () => {
  const now = at(60);

  it('wakes at the earliest instant strictly after now: one at now or before is due already', () => {
    expect(earliestAfter(now, [at(90), now, at(30), undefined, at(75)])).toBe(at(75));
    expect(earliestAfter(now, [now, at(30), undefined])).toBeUndefined();
  });

  it('has no wake-up while the ticket waits on the customer and nothing else can fall due', () => {
    const waiting = applyAt(assignedTicket('chloe-dubois'), [
      [5, { type: 'acknowledge', actor: engineer(chloe), message: 'I have your ticket.' }],
      [10, { type: 'request-info', actor: engineer(chloe), message: 'Please send the output of Get-Queue.' }],
    ]);
    expect(ticketAgenda(waiting, org, at(20))).toStrictEqual({ due: [] });
  });

  it('does nothing else once the lifecycle has ended, however the ticket stood before', () => {
    const notEntitled = applyAt(assignedTicket('chloe-dubois'), [[10, { type: 'close-not-entitled', actor: system, explanation: 'On-premises fault.' }]]);
    const stalledBefore = { ...notEntitled, handoffsSinceCustomerUpdate: 3 };
    expect(ticketAgenda(stalledBefore, org, at(11))).toStrictEqual({ due: [{ kind: 'lifecycle-ends', reason: 'not-entitled' }] });
  });

  it('asks for no wake-up once the lifecycle has ended', () => {
    const rejected = applyAt(receivedTicket(), [
      [0, { type: 'start-validation', actor: system }],
      [0, { type: 'reject', actor: system, reasons: [{ code: 'no-contract', message: 'We have no support contract for contoso.com.' }] }],
    ]);
    expect(lifecycleEndAgenda(rejected, org, at(1))).toEqual({ due: [{ kind: 'lifecycle-ends', reason: 'rejected' }], wakeAt: [] });
    const notEntitled = applyAt(assignedTicket('chloe-dubois'), [[10, { type: 'close-not-entitled', actor: system, explanation: 'On-premises fault.' }]]);
    expect(lifecycleEndAgenda(notEntitled, org, at(11))).toEqual({ due: [{ kind: 'lifecycle-ends', reason: 'not-entitled' }], wakeAt: [] });
    const closed = applyAt(assignedTicket('chloe-dubois'), [
      [5, { type: 'acknowledge', actor: engineer(chloe), message: 'I have your ticket.' }],
      [60, { type: 'propose-resolution', actor: engineer(chloe), summary: 'The connector now points at the new smart host.' }],
      [70, { type: 'confirm-resolution', actor: requester }],
    ]);
    expect(lifecycleEndAgenda(closed, org, at(71 + 14 * DAY))).toEqual({ due: [{ kind: 'lifecycle-ends', reason: 'reopen-window-ended' }], wakeAt: [] });
  });

  it('asks for no wake-up of its own with a vendor follow-up due: the next one counts from this one', () => {
    const opened = applyAt(assignedTicket('chloe-dubois'), [
      [5, { type: 'acknowledge', actor: engineer(chloe), message: 'I have your ticket.' }],
      [30, { type: 'escalate-to-vendor', actor: engineer(chloe), justification: 'Backend transport logs are needed.' }],
      [31, { type: 'record-vendor-case', actor: system, outcome: { status: 'opened', caseId: 'SR-1001' } }],
    ]);
    expect(vendorAgenda(opened, org, at(31 + 4 * HOUR))).toEqual({ due: [{ kind: 'vendor-follow-up', dueAt: at(31 + 4 * HOUR) }], wakeAt: [] });
  });
});

describe('the stall rule on the agenda', () => {
  const twiceHanded = applyAt(assignedTicket('chloe-dubois'), [[5, { type: 'acknowledge', actor: engineer(chloe), message: 'I have your ticket.' }]]);

  it('does not count a handoff that is not happening: nobody is called in while the engineer is on shift', () => {
    const handedTwice = { ...twiceHanded, handoffsSinceCustomerUpdate: 2 };
    expect(ticketAgenda(handedTwice, org, at(30)).due.filter((item) => item.kind === 'stall-escalation')).toEqual([]);
  });

  it('does not count a handoff that found nobody to take the ticket', () => {
    const full = { 'maria-garcia': 8, 'sofia-martins': 6, 'grace-okafor': 4, 'chloe-dubois': 8, 'priya-nair': 8, 'mei-lin': 6 };
    const handedTwice = { ...twiceHanded, handoffsSinceCustomerUpdate: 2 };
    const kinds = ticketAgenda(handedTwice, org, at(2 * HOUR), full).due.map((item) => item.kind);
    expect(kinds).toContain('no-engineer');
    expect(kinds).not.toContain('stall-escalation');
  });
});
