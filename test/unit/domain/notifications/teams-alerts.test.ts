import { ticketClocks } from '../../../../shared/domain/agenda/sla-agenda';
import { receiveTicket } from '../../../../shared/domain/commands/receive-ticket';
import { IntakeSchema } from '../../../../shared/domain/intake/intake';
import { teamsAlertFor } from '../../../../shared/domain/notifications/teams-alerts';
import type { SlaClock, SlaClockState, SlaMetric } from '../../../../shared/domain/sla/sla-clock';
import { Ticket } from '../../../../shared/domain/ticket/ticket';
import { minimalBrief } from '../support/handoff-fixtures';
import { sampleOrg } from '../support/org-fixtures';
import { applyAll, engineer, graceRef, investigatingTicket, lead, lukas, maria, minutesAfter, system, T0, triagedTicket, vendor } from '../support/ticket-fixtures';

const org = sampleOrg();

/** The card the ticket's last event calls for, with the ticket's SLA clocks at that event, as the shell plans it. */
function cardFor(ticket: Ticket) {
  const event = ticket.timeline.at(-1);
  return event === undefined ? undefined : teamsAlertFor(ticket, event, () => ticketClocks(ticket, org, event.at));
}

const lastEventId = (ticket: Ticket): string => ticket.timeline.at(-1)?.id ?? '';

describe('Teams cards for the staff channel', () => {
  it('announce a new Severity A ticket with the clock to beat first: its first response, an hour from intake', () => {
    const ticket = triagedTicket();
    expect(cardFor(ticket)).toStrictEqual({
      kind: 'sev-a',
      alertId: `teams/${lastEventId(ticket)}/sev-a`,
      ticketNumber: ticket.ticketNumber,
      at: minutesAfter(T0, 2),
      customer: 'Contoso Ltd',
      title: 'Outbound mail stuck in queue for all users',
      severity: 'A',
      queueId: 'collaboration',
      clock: { metric: 'first-response', dueAt: minutesAfter(T0, 60), minutesLeft: 58 },
    });
    expect(cardFor(triagedTicket({ severity: 'B' }))).toBeUndefined();
  });

  it('announce a raise to Severity A with its reason, and no other raise', () => {
    const toA = applyAll(investigatingTicket({ severity: 'B' }), [{ type: 'change-severity', actor: lead, to: 'A', reason: 'Every site is down now.' }]);
    expect(cardFor(toA)).toMatchObject({ kind: 'sev-a', severity: 'A', reason: 'Every site is down now.', assignee: 'María García', region: 'AMER' });
    expect(cardFor(applyAll(investigatingTicket({ severity: 'C' }), [{ type: 'change-severity', actor: lead, to: 'B', reason: 'More users.' }]))).toBeUndefined();
  });

  it('show an SLA warning or breach with the clock it is about, counted from the alert’s instant', () => {
    const alert = (kind: 'warning' | 'breach', dueAt: string) =>
      ({ type: 'raise-sla-alert', actor: system, alert: { kind, metric: 'next-update', cycleId: 'c1', key: `next-update:c1:${kind}`, dueAt } }) as const;
    const investigating = investigatingTicket();
    const warned = applyAll(investigating, [alert('warning', minutesAfter(investigating.updatedAt, 16))]);
    expect(cardFor(warned)).toMatchObject({ kind: 'sla-warning', alertId: `teams/${lastEventId(warned)}/sla-warning`, clock: { metric: 'next-update', minutesLeft: 15 } });
    const breached = applyAll(investigating, [alert('breach', minutesAfter(investigating.updatedAt, -4))]);
    expect(cardFor(breached)).toMatchObject({ kind: 'sla-breach', clock: { metric: 'next-update', dueAt: minutesAfter(investigating.updatedAt, -4), minutesLeft: -5 } });
  });

  it('work the SLA clocks out only for a card that shows the clock to beat', () => {
    let workedOut = 0;
    const clocksOf = (ticket: Ticket, at: string) => () => {
      workedOut += 1;
      return ticketClocks(ticket, org, at);
    };
    const investigating = investigatingTicket();
    const responded = applyAll(investigating, [{ type: 'respond', actor: engineer(maria), message: 'Looking at the connector now.' }]);
    const response = responded.timeline.at(-1);
    expect(response === undefined ? 'no event' : teamsAlertFor(responded, response, clocksOf(responded, response.at))).toBeUndefined();
    const warned = applyAll(investigating, [
      { type: 'raise-sla-alert', actor: system, alert: { kind: 'warning', metric: 'next-update', cycleId: 'c1', key: 'next-update:c1:warning', dueAt: minutesAfter(investigating.updatedAt, 16) } },
    ]);
    const warning = warned.timeline.at(-1);
    expect(warning === undefined ? undefined : teamsAlertFor(warned, warning, clocksOf(warned, warning.at))).toMatchObject({ kind: 'sla-warning' });
    expect(workedOut).toBe(0);
    const triaged = triagedTicket();
    const triage = triaged.timeline.at(-1);
    expect(triage === undefined ? undefined : teamsAlertFor(triaged, triage, clocksOf(triaged, triage.at))).toMatchObject({ kind: 'sev-a', clock: { metric: 'first-response' } });
    expect(workedOut).toBe(1);
  });

  it('carry a handoff to the engineer who takes the ticket, in their region, with the brief', () => {
    const ticket = investigatingTicket();
    const brief = minimalBrief(ticket);
    const handed = applyAll(ticket, [{ type: 'handoff', actor: system, toEngineer: lukas, brief }]);
    const handoff = handed.timeline.at(-2);
    const card = handoff === undefined ? undefined : teamsAlertFor(ticket, handoff, () => []);
    expect(card).toMatchObject({
      kind: 'handoff',
      assignee: 'Lukas Weber',
      region: 'EMEA',
      handoff: { from: 'María García', to: 'Lukas Weber', fromRegion: 'AMER', toRegion: 'EMEA', brief },
    });
    expect(card?.clock).toBeUndefined();
    expect(cardFor(handed)).toBeUndefined();
  });

  it('name the team lead called in and why, and pass on what the vendor answered', () => {
    const escalated = applyAll(investigatingTicket(), [{ type: 'escalate-internally', actor: engineer(maria), reason: 'Customer threatens to cancel.', to: graceRef }]);
    expect(cardFor(escalated)).toMatchObject({ kind: 'escalation', reason: 'Grace Okafor: Customer threatens to cancel.' });
    const answered = applyAll(investigatingTicket(), [
      { type: 'escalate-to-vendor', actor: engineer(maria), justification: 'Backend logs needed.' },
      { type: 'record-vendor-case', actor: system, outcome: { status: 'opened', caseId: '2611230040001234' } },
      { type: 'vendor-update', actor: vendor, note: 'A platform rule blocks the smart host.', status: 'investigating' },
    ]);
    expect(cardFor(answered)).toMatchObject({ kind: 'vendor-answer', note: 'A platform rule blocks the smart host.' });
    expect(cardFor(answered)?.reason).toBeUndefined();
  });

  it('show the running clock due soonest, leaving out clocks already met', () => {
    // Acknowledged: the first response is met; the next update is due an hour later and runs.
    const acknowledged = investigatingTicket();
    const escalated = applyAll(acknowledged, [{ type: 'escalate-internally', actor: lead, reason: 'Watch this one.', to: graceRef }]);
    expect(cardFor(escalated)?.clock).toEqual({ metric: 'next-update', dueAt: minutesAfter(acknowledged.updatedAt, 60), minutesLeft: 59 });
  });

  it('name the requester’s address as the customer of a ticket without a company, and leave out what it lacks', () => {
    const chat = receiveTicket({
      ticketNumber: 'BTN-2026-000100',
      intake: IntakeSchema.parse({ channel: 'chat', requester: { name: 'Ken', email: 'ken@fabrikam.com' }, description: 'Outlook will not start.' }),
      accessTokenHash: 'sha256:00112233445566778899',
      receivedAt: T0,
    }).ticket;
    const escalated = applyAll(chat, [
      { type: 'start-validation', actor: system },
      { type: 'triage', actor: system, slaPolicyId: 'enterprise-emea', queueId: 'collaboration', contractId: 'contoso-unified' },
      { type: 'escalate-internally', actor: lead, reason: 'Unclear request.', to: graceRef },
    ]);
    expect(cardFor(escalated)).toStrictEqual({
      kind: 'escalation',
      alertId: `teams/${lastEventId(escalated)}/escalation`,
      ticketNumber: 'BTN-2026-000100',
      at: minutesAfter(T0, 3),
      customer: 'ken@fabrikam.com',
      queueId: 'collaboration',
      reason: 'Grace Okafor: Unclear request.',
    });
  });

  it('are not called for by the rest of the conversation', () => {
    expect(cardFor(applyAll(investigatingTicket(), [{ type: 'respond', actor: engineer(maria), message: 'Looking into it.' }]))).toBeUndefined();
  });
});

describe('the clock a Teams card shows', () => {
  /** A clock as the SLA engine reports it, due `minutes` after `from` (none when undefined). */
  function clock(metric: SlaMetric, state: SlaClockState, from: string, minutes: number | undefined, stoppedAt?: string): SlaClock {
    return {
      metric,
      cycleId: `${metric}-cycle`,
      state,
      severity: 'A',
      targetMinutes: 60,
      calendarId: 'emea-business',
      pausedMinutes: 0,
      remainingMinutes: minutes ?? 60,
      explanation: `${metric} clock`,
      ...(minutes === undefined ? {} : { dueAt: minutesAfter(from, minutes) }),
      ...(stoppedAt === undefined ? {} : { stoppedAt }),
    };
  }

  /** The card of an escalation to a team lead, which shows the clock to beat, given the clocks the engine reports. */
  function escalationCard(clocks: (at: string) => SlaClock[]) {
    const ticket = applyAll(investigatingTicket(), [{ type: 'escalate-internally', actor: lead, reason: 'Watch this one.', to: graceRef }]);
    const event = ticket.timeline.at(-1);
    return event === undefined ? undefined : teamsAlertFor(ticket, event, () => clocks(event.at));
  }

  it('is the one due soonest, in whatever order the engine lists the clocks', () => {
    const soonestOf = (order: SlaMetric[]) =>
      escalationCard((at) => order.map((metric) => clock(metric, 'running', at, { 'first-response': 90, 'next-update': 30, resolution: 240 }[metric])))?.clock?.metric;
    expect(soonestOf(['resolution', 'first-response', 'next-update'])).toBe('next-update');
    expect(soonestOf(['next-update', 'resolution', 'first-response'])).toBe('next-update');
    expect(soonestOf(['first-response', 'resolution', 'next-update'])).toBe('next-update');
  });

  it('is a breached clock still running before any clock not yet due, counted as overdue', () => {
    const card = escalationCard((at) => [clock('resolution', 'running', at, 240), clock('next-update', 'breached', at, -10)]);
    expect(card?.clock).toMatchObject({ metric: 'next-update', minutesLeft: -10 });
  });

  it('is never a clock that has stopped, met or late, nor one paused or without a due instant', () => {
    const card = escalationCard((at) => [
      clock('first-response', 'breached', at, -30, minutesAfter(at, -20)),
      clock('first-response', 'met', at, -5, minutesAfter(at, -40)),
      clock('next-update', 'paused', at, 10),
      clock('next-update', 'running', at, undefined),
      clock('resolution', 'running', at, 240),
    ]);
    expect(card?.clock).toMatchObject({ metric: 'resolution', minutesLeft: 240 });
    expect(escalationCard((at) => [clock('next-update', 'running', at, undefined)])?.clock).toBeUndefined();
  });
});

describe('where a Teams card goes', () => {
  it('names no queue for a ticket that has none yet', () => {
    const { queueId, ...unqueued } = applyAll(investigatingTicket(), [{ type: 'escalate-internally', actor: lead, reason: 'Watch this one.', to: graceRef }]);
    expect(queueId).toBe('collaboration');
    const event = unqueued.timeline.at(-1);
    const card = event === undefined ? undefined : teamsAlertFor(unqueued, event, () => []);
    expect(card?.kind).toBe('escalation');
    expect(card !== undefined && 'queueId' in card).toBe(false);
  });
});
