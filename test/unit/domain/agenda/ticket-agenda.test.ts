import { AgendaItem, AgendaItemOf } from '../../../../shared/domain/agenda/agenda-item';
import { ticketAgenda } from '../../../../shared/domain/agenda/ticket-agenda';
import { NOT_ENTITLED_ON_PREMISES } from '../../../../shared/domain/agenda/vendor-agenda';
import { Ticket } from '../../../../shared/domain/ticket/ticket';
import { minimalBrief } from '../support/handoff-fixtures';
import { engineer, receivedTicket, requester, system, vendor } from '../support/ticket-fixtures';
import { applyAt, assignedTicket, at, org, refOf, triagedTicket } from './support/agenda-fixtures';

function fail(why: string): never {
  throw new Error(why);
}

const MINUTE = 1;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function itemsOf<Kind extends AgendaItem['kind']>(ticket: Ticket, minutes: number, kind: Kind, load = {}): AgendaItemOf<Kind>[] {
  return ticketAgenda(ticket, org, at(minutes), load).due.filter((item): item is AgendaItemOf<Kind> => item.kind === kind);
}

const chloe = refOf('chloe-dubois');
const acknowledged = (engineerId: string, minutes: number): readonly [number, { type: 'acknowledge'; actor: ReturnType<typeof engineer>; message: string }] => [
  minutes,
  { type: 'acknowledge', actor: engineer(refOf(engineerId)), message: 'I have your ticket and am reading the message trace.' },
];

describe('the ticket agenda: SLA alerts', () => {
  const ticket = assignedTicket('maria-garcia');

  it('sleeps until the first-response warning of a Sev A ticket nobody has answered', () => {
    expect(ticketAgenda(ticket, org, at(10))).toEqual({ due: [], nextWakeAt: at(45) });
  });

  it('raises the warning at 75% of the hour, then the breach at 60 minutes', () => {
    const [warning] = itemsOf(ticket, 45, 'sla-alert');
    expect(warning?.alert).toMatchObject({ kind: 'warning', metric: 'first-response', dueAt: at(45) });
    const warned = applyAt(ticket, [[45, { type: 'raise-sla-alert', actor: system, alert: warning?.alert ?? fail('no warning') }]]);
    expect(ticketAgenda(warned, org, at(46)).nextWakeAt).toBe(at(60));
    expect(itemsOf(warned, 60, 'sla-alert').map((item) => item.alert)).toEqual([expect.objectContaining({ kind: 'breach', metric: 'first-response', dueAt: at(60) })]);
  });

  it('records the alert it found on the timeline as it is: the kind names the event, the rest is its payload', () => {
    const [breach] = itemsOf(ticket, 61, 'sla-alert');
    const { kind, ...payload } = breach?.alert ?? fail('no breach');
    const recorded = applyAt(ticket, [[61, { type: 'raise-sla-alert', actor: system, alert: { kind, ...payload } }]]).timeline.at(-1);
    expect(kind).toBe('breach');
    expect(recorded).toMatchObject({ type: 'sla-breached', ...payload });
    expect(Object.keys(recorded ?? {}).sort()).toEqual(['actor', 'at', 'id', 'sequence', 'type', 'visibility', ...Object.keys(payload)].sort());
  });

  it('skips a warning whose breach has already passed, and proposes no key already raised', () => {
    const alerts = itemsOf(ticket, 61, 'sla-alert').map((item) => item.alert);
    expect(alerts.map((alert) => `${alert.metric}/${alert.kind}`)).toEqual(['first-response/breach']);
    const breached = applyAt(ticket, [[61, { type: 'raise-sla-alert', actor: system, alert: { kind: 'breach', metric: 'first-response', cycleId: alerts[0]?.cycleId ?? '', key: alerts[0]?.key ?? '', dueAt: at(60) } }]]);
    expect(itemsOf(breached, 62, 'sla-alert')).toEqual([]);
  });
});

describe('the ticket agenda: assignment', () => {
  it('assigns a triaged ticket to a skilled engineer on shift, the least loaded first', () => {
    expect(itemsOf(triagedTicket(), 0, 'assign')).toEqual([{ kind: 'assign', engineer: chloe }]);
    expect(itemsOf(triagedTicket(), 0, 'assign', { 'chloe-dubois': 8 })).toEqual([{ kind: 'assign', engineer: refOf('maria-garcia') }]);
  });

  it('gives a Sev A ticket at the weekend to an engineer on call', () => {
    expect(itemsOf(triagedTicket(), 5 * DAY, 'assign')).toEqual([{ kind: 'assign', engineer: chloe }]);
  });

  it('reports a Sev A ticket nobody can take to the queue lead, once, and looks again when someone with the skill comes to work', () => {
    // Saturday 14:00 UTC: Chloé (EMEA), María and Sofia (AMER) are on call with Exchange Online, and full.
    const saturday = 5 * DAY;
    const full = { 'chloe-dubois': 8, 'maria-garcia': 8, 'sofia-martins': 6 };
    const agenda = ticketAgenda(triagedTicket(), org, at(saturday), full);
    expect(agenda.due.filter((item) => item.kind === 'no-engineer')).toEqual([
      { kind: 'no-engineer', queueId: 'collaboration', reason: expect.stringContaining('every skilled engineer on shift is at capacity'), lead: refOf('grace-okafor') },
    ]);
    // APAC's on-call engineers start at 07:00 on Sunday in Sydney.
    expect(agenda.nextWakeAt).toBe('2026-11-28T20:00:00.000Z');
    const reported = applyAt(triagedTicket(), [[saturday, { type: 'report-no-engineer', actor: system, queueId: 'collaboration', reason: 'Nobody is free.' }]]);
    expect(itemsOf(reported, saturday + 1, 'no-engineer', full)).toEqual([]);
  });

  it('lets a Sev C ticket on business hours wait for the next shift instead of escalating', () => {
    const agenda = ticketAgenda(triagedTicket({ severity: 'C' }), org, at(5 * DAY));
    expect(agenda.due.filter((item) => item.kind === 'no-engineer' || item.kind === 'assign')).toEqual([]);
    expect(agenda.nextWakeAt).toBe('2026-11-29T21:00:00.000Z');
  });

  it('keeps a reopened ticket with its engineer while they are on shift, and finds another when they are not', () => {
    const closed = applyAt(assignedTicket('chloe-dubois'), [
      acknowledged('chloe-dubois', 5),
      [60, { type: 'propose-resolution', actor: engineer(chloe), summary: 'The connector now points at the new smart host.' }],
      [70, { type: 'confirm-resolution', actor: requester }],
    ]);
    const reopenedWhileOnShift = applyAt(closed, [[DAY, { type: 'reopen', actor: requester, reason: 'Mail is stuck again this morning.' }]]);
    expect(itemsOf(reopenedWhileOnShift, DAY, 'assign')).toEqual([]);
    const reopenedAfterShift = applyAt(closed, [[DAY + 3 * HOUR, { type: 'reopen', actor: requester, reason: 'Mail is stuck again this afternoon.' }]]);
    expect(itemsOf(reopenedAfterShift, DAY + 3 * HOUR, 'assign')).toEqual([{ kind: 'assign', engineer: refOf('maria-garcia') }]);
  });
});

describe('the ticket agenda: follow-the-sun', () => {
  const worked = applyAt(assignedTicket('chloe-dubois'), [
    acknowledged('chloe-dubois', 5),
    [100, { type: 'internal-note', actor: engineer(chloe), note: 'Queue viewer shows DNS deferrals.', nextStep: 'Check the smart host record.', tried: ['Restarted transport'] }],
    [100, { type: 'respond', actor: engineer(chloe), message: 'We see DNS deferrals and are checking your smart host.' }],
  ]);

  it('wakes at the end of the assignee shift', () => {
    expect(ticketAgenda(worked, org, at(110)).nextWakeAt).toBe('2026-11-23T16:00:00.000Z');
  });

  it('hands a 24x7 ticket to a skilled engineer of the next region on shift, with a brief built from the record', () => {
    const [handoff] = itemsOf(worked, 120, 'handoff');
    expect(handoff?.to).toEqual(refOf('maria-garcia'));
    expect(handoff?.brief).toMatchObject({
      ticketNumber: worked.ticketNumber,
      severity: 'A',
      outgoingNote: 'Queue viewer shows DNS deferrals.',
      nextStep: 'Check the smart host record.',
      whatWasTried: ['Customer: Checked connectors and the message trace; restarted the hybrid agent.', 'Restarted transport'],
      evidence: { errorText: '451 4.4.0 DNS query failed' },
      lastCustomerUpdateAt: at(100),
      handoffsWithoutCustomerUpdate: 1,
      stalled: false,
    });
    expect(handoff?.brief.sla.map((line) => line.metric)).toEqual(['first-response', 'next-update', 'resolution']);
  });

  it('goes by the assignee’s own hours: APAC’s on-call hour does not keep a ticket with an engineer who is not on call', () => {
    // 20:30 UTC is 07:30 in Sydney: Priya, Kenji and Mei are on call, Arjun's shift starts at 08:00.
    const [handoff] = itemsOf(assignedTicket('arjun-mehta'), 6 * HOUR + 30, 'handoff');
    expect(handoff?.to).toEqual(refOf('maria-garcia'));
  });

  it('leaves a Sev C ticket on business hours with its engineer after the shift', () => {
    const sevC = applyAt(assignedTicket('chloe-dubois', { severity: 'C' }), [acknowledged('chloe-dubois', 5)]);
    expect(itemsOf(sevC, 121, 'handoff')).toEqual([]);
  });

  it('does not move a ticket that waits on the customer', () => {
    const waiting = applyAt(worked, [[110, { type: 'request-info', actor: engineer(chloe), message: 'Please send the output of Get-Queue.' }]]);
    expect(itemsOf(waiting, 121, 'handoff')).toEqual([]);
  });
});

describe('the ticket agenda: the stall rule', () => {
  const maria = refOf('maria-garcia');
  const priya = refOf('priya-nair');
  const twiceHanded = applyAt(assignedTicket('chloe-dubois'), [
    acknowledged('chloe-dubois', 5),
    [120, { type: 'handoff', actor: system, toEngineer: maria, brief: { ...minimalBrief(triagedTicket()), handoffsWithoutCustomerUpdate: 1 } }],
    [480, { type: 'handoff', actor: system, toEngineer: priya, brief: { ...minimalBrief(triagedTicket()), handoffsWithoutCustomerUpdate: 2 } }],
  ]);
  const thirdShiftEnd = 17 * HOUR;

  it('calls in the queue lead with the third handoff without a customer-visible update', () => {
    const agenda = ticketAgenda(twiceHanded, org, at(thirdShiftEnd));
    const handoff = agenda.due.find((item): item is AgendaItemOf<'handoff'> => item.kind === 'handoff');
    expect(handoff?.brief).toMatchObject({ handoffsWithoutCustomerUpdate: 3, stalled: true });
    expect(handoff?.to.region).toBe('EMEA');
    expect(agenda.due.filter((item) => item.kind === 'stall-escalation')).toEqual([
      { kind: 'stall-escalation', lead: refOf('grace-okafor'), reason: expect.stringContaining('3 handoffs without a customer-visible update') },
    ]);
  });

  it('calls the lead once per streak, and again only after the customer has heard from us', () => {
    const escalated = applyAt(twiceHanded, [
      [thirdShiftEnd, { type: 'handoff', actor: system, toEngineer: chloe, brief: minimalBrief(twiceHanded) }],
      [thirdShiftEnd, { type: 'escalate-internally', actor: system, reason: '3 handoffs without a customer-visible update.', to: refOf('grace-okafor') }],
    ]);
    expect(itemsOf(escalated, thirdShiftEnd + 1, 'stall-escalation')).toEqual([]);
    const answered = applyAt(escalated, [[thirdShiftEnd + 5, { type: 'respond', actor: engineer(chloe), message: 'We are still on it.' }]]);
    expect(answered.handoffsSinceCustomerUpdate).toBe(0);
    expect(itemsOf(answered, thirdShiftEnd + 6, 'stall-escalation')).toEqual([]);
  });
});

describe('the ticket agenda: L3 vendor escalation', () => {
  const requested = applyAt(assignedTicket('chloe-dubois'), [
    acknowledged('chloe-dubois', 5),
    [30, { type: 'escalate-to-vendor', actor: engineer(chloe), justification: 'Backend transport logs are needed.' }],
  ]);
  const opened = applyAt(requested, [[31, { type: 'record-vendor-case', actor: system, outcome: { status: 'opened', caseId: 'SR-1001' } }]]);

  it('raises the requested case, and only until it is recorded', () => {
    expect(itemsOf(requested, 30, 'raise-vendor-case')).toEqual([{ kind: 'raise-vendor-case' }]);
    expect(itemsOf(opened, 32, 'raise-vendor-case')).toEqual([]);
  });

  it('follows up a Sev A case every four hours from the last contact', () => {
    expect(itemsOf(opened, 31 + 4 * HOUR - 1, 'vendor-follow-up')).toEqual([]);
    expect(itemsOf(opened, 31 + 4 * HOUR, 'vendor-follow-up')).toEqual([{ kind: 'vendor-follow-up', dueAt: at(31 + 4 * HOUR) }]);
    const chased = applyAt(opened, [[31 + 4 * HOUR, { type: 'follow-up-vendor', actor: system }]]);
    expect(itemsOf(chased, 32 + 4 * HOUR, 'vendor-follow-up')).toEqual([]);
  });

  it('closes the ticket as not entitled when the vendor finds the problem on-premises and the contract has no add-on', () => {
    const onPremises = applyAt(opened, [[100, { type: 'vendor-update', actor: vendor, note: 'The fault is in the on-premises Exchange server.', status: 'investigating', scope: 'on-premises' }]]);
    expect(ticketAgenda(onPremises, org, at(5 * HOUR)).due.filter((item) => item.kind !== 'sla-alert')).toEqual([{ kind: 'not-entitled', explanation: NOT_ENTITLED_ON_PREMISES }]);
  });

  it('keeps working an on-premises finding when the contract has the add-on', () => {
    const fabrikam = applyAt(opened, [[100, { type: 'vendor-update', actor: vendor, note: 'On-premises fault.', status: 'investigating', scope: 'on-premises' }]]);
    const withAddOn = { ...fabrikam, contractId: 'fabrikam-standard' };
    expect(itemsOf(withAddOn, 101, 'not-entitled')).toEqual([]);
  });
});

describe('the ticket agenda: resolution and the end of the lifecycle', () => {
  const proposed = applyAt(assignedTicket('chloe-dubois'), [
    acknowledged('chloe-dubois', 5),
    [60, { type: 'propose-resolution', actor: engineer(chloe), summary: 'The connector now points at the new smart host.' }],
  ]);

  it('sleeps until the reminder, then until auto-closure', () => {
    expect(ticketAgenda(proposed, org, at(61))).toEqual({ due: [], nextWakeAt: at(60 + 3 * DAY) });
    expect(itemsOf(proposed, 60 + 3 * DAY, 'resolution-reminder')).toEqual([{ kind: 'resolution-reminder' }]);
    const reminded = applyAt(proposed, [[60 + 3 * DAY, { type: 'send-resolution-reminder', actor: system }]]);
    expect(ticketAgenda(reminded, org, at(61 + 3 * DAY))).toEqual({ due: [], nextWakeAt: at(60 + 7 * DAY) });
    expect(itemsOf(reminded, 60 + 7 * DAY, 'auto-close')).toEqual([{ kind: 'auto-close' }]);
  });

  it('keeps a closed ticket alive through its reopen window, then ends', () => {
    const closed = applyAt(proposed, [[70, { type: 'confirm-resolution', actor: requester }]]);
    const windowEnd = at(70 + 14 * DAY);
    expect(ticketAgenda(closed, org, at(71))).toEqual({ due: [], nextWakeAt: new Date(Date.parse(windowEnd) + 1000).toISOString() });
    expect(ticketAgenda(closed, org, windowEnd).due).toEqual([]);
    expect(ticketAgenda(closed, org, at(71 + 14 * DAY)).due).toEqual([{ kind: 'lifecycle-ends', reason: 'reopen-window-ended' }]);
  });

  it('ends at once for a rejected ticket and for one closed as not entitled', () => {
    const notEntitled = applyAt(assignedTicket('chloe-dubois'), [
      [10, { type: 'close-not-entitled', actor: system, explanation: 'The vendor found an on-premises fault.' }],
    ]);
    expect(ticketAgenda(notEntitled, org, at(11)).due).toEqual([{ kind: 'lifecycle-ends', reason: 'not-entitled' }]);
    const rejected = applyAt(receivedTicket(), [
      [0, { type: 'start-validation', actor: system }],
      [0, { type: 'reject', actor: system, reasons: [{ code: 'no-contract', message: 'We have no support contract for contoso.com.' }] }],
    ]);
    expect(ticketAgenda(rejected, org, at(1))).toEqual({ due: [{ kind: 'lifecycle-ends', reason: 'rejected' }] });
  });
});

