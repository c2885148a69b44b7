import { ticketFromTimeline } from '../../../../shared/domain/commands/evolve';
import { notificationMessageId } from '../../../../shared/domain/notifications/notification';
import { notificationContextFor } from '../../../../shared/domain/notifications/notification-context';
import { toJson, toJsonObject } from '../../../../shared/domain/notifications/notification-data';
import { notificationsFor } from '../../../../shared/domain/notifications/notifications-for';
import { Ticket } from '../../../../shared/domain/ticket/ticket';
import { minimalBrief } from '../support/handoff-fixtures';
import { sampleOrg } from '../support/org-fixtures';
import { applyAll, engineer, graceRef, investigatingTicket, lead, lukas, maria, requester, system, triagedTicket, vendor } from '../support/ticket-fixtures';

const org = sampleOrg();

/** The facts each notification of the ticket's last event carries besides the ticket's headline, one entry per template. */
function factsOfLastEvent(ticket: Ticket): Record<string, unknown> {
  const event = ticket.timeline.at(-1);
  const notifications = event === undefined ? [] : notificationsFor(ticket, event, notificationContextFor(ticket, org));
  return Object.fromEntries(
    notifications.map((notification) => {
      const { ticketNumber: _number, title: _title, severity: _severity, status: _status, at: _at, ...facts } = notification.data;
      return [notification.template, facts];
    }),
  );
}

/** The ticket after each command, each replayed from its timeline as the notifier sees it. */
function after(ticket: Ticket, ...commands: Parameters<typeof applyAll>[1]): Ticket {
  const next = applyAll(ticket, commands);
  const replay = ticketFromTimeline(next.timeline);
  return replay.ok ? replay.ticket : next;
}

describe('notification data', () => {
  it('is plain JSON: absent values are dropped at every depth, and what JSON cannot carry becomes null', () => {
    expect(toJsonObject({ a: 1, b: undefined, c: { d: undefined, e: 'x' }, f: [1, undefined, { g: undefined }], h: null, i: true })).toEqual({
      a: 1,
      c: { e: 'x' },
      f: [1, null, {}],
      h: null,
      i: true,
    });
    expect(Object.keys(toJsonObject({ b: undefined }))).toEqual([]);
    expect(toJson(() => 1)).toBeNull();
    expect(toJson(Symbol('s'))).toBeNull();
  });

  it('opens with the ticket’s headline: number, title, severity, status and the event’s instant', () => {
    const ticket = investigatingTicket();
    const event = ticket.timeline.at(-1);
    const [update] = event === undefined ? [] : notificationsFor(ticket, event, notificationContextFor(ticket, org));
    expect(update?.data).toEqual({
      ticketNumber: ticket.ticketNumber,
      title: 'Outbound mail stuck in queue for all users',
      severity: 'A',
      status: 'investigating',
      at: ticket.updatedAt,
      message: 'I own this ticket now and am reviewing the message trace.',
    });
    expect(update).toMatchObject({ ticketNumber: ticket.ticketNumber, eventId: event?.id, messageId: `${event?.id ?? ''}/customer-update/aoife.byrne@contoso.com` });
  });

  it('has a message id per event, template and recipient, whatever the case or spacing of the address', () => {
    expect(notificationMessageId('BTN-2026-000042/7', 'sla-breach', '  Tom.Reyes@CSS.example ')).toBe('BTN-2026-000042/7/sla-breach/tom.reyes@css.example');
  });
});

describe('each notification tells the facts of its event', () => {
  const working = investigatingTicket();

  it('for triage, assignment and a missing engineer', () => {
    expect(factsOfLastEvent(triagedTicket())).toEqual({ 'tam-alert': { company: 'Contoso Ltd', businessImpact: 'Sales cannot send quotes to customers; about 400 users affected.' } });
    expect(factsOfLastEvent(after(working, { type: 'assign', actor: lead, engineer: lukas }))).toEqual({ assigned: { reason: 'reassignment' } });
    expect(factsOfLastEvent(after(working, { type: 'report-no-engineer', actor: system, queueId: 'collaboration', reason: 'Nobody on shift.' }))).toEqual({
      unassigned: { queueId: 'collaboration', reason: 'Nobody on shift.' },
    });
  });

  it('for the conversation', () => {
    const asked = after(working, { type: 'request-info', actor: engineer(maria), message: 'Which connector?' });
    expect(factsOfLastEvent(asked)).toEqual({ 'info-requested': { question: 'Which connector?' } });
    expect(factsOfLastEvent(after(asked, { type: 'customer-reply', actor: requester, message: 'The smart host one.' }))).toEqual({ 'customer-replied': { message: 'The smart host one.' } });
    expect(factsOfLastEvent(after(working, { type: 'escalate-internally', actor: engineer(maria), reason: 'Needs a decision.', to: graceRef }))).toEqual({
      'internal-escalation': { reason: 'Needs a decision.' },
    });
  });

  it('for severity changes and the requester’s answer', () => {
    const sevB = investigatingTicket({ severity: 'B' });
    expect(factsOfLastEvent(after(sevB, { type: 'change-severity', actor: lead, to: 'A', reason: 'All sites down.' }))).toEqual({
      'severity-changed': { from: 'B', to: 'A', reason: 'All sites down.' },
      'tam-alert': { from: 'B', reason: 'All sites down.' },
    });
    const proposed = after(working, { type: 'change-severity', actor: lead, to: 'B', reason: 'One site left.' });
    expect(factsOfLastEvent(proposed)).toEqual({ 'downgrade-proposed': { from: 'A', to: 'B', reason: 'One site left.' } });
    expect(factsOfLastEvent(after(proposed, { type: 'consent-to-downgrade', actor: requester }))).toEqual({ 'downgrade-answered': { from: 'A', to: 'B', consented: true } });
  });

  it('for the vendor case', () => {
    const requested = after(working, { type: 'escalate-to-vendor', actor: engineer(maria), justification: 'Backend logs.' });
    expect(factsOfLastEvent(after(requested, { type: 'record-vendor-case', actor: system, outcome: { status: 'failed', reason: 'Portal down.' } }))).toEqual({
      'vendor-escalation-failed': { reason: 'Portal down.' },
    });
    const opened = after(requested, { type: 'record-vendor-case', actor: system, outcome: { status: 'opened', caseId: '2611230040001234' } });
    expect(factsOfLastEvent(opened)).toEqual({ 'vendor-escalation-raised': { caseId: '2611230040001234' } });
    expect(factsOfLastEvent(after(opened, { type: 'vendor-update', actor: vendor, note: 'Rule lifted.', status: 'solution-provided', scope: 'cloud' }))).toEqual({
      'vendor-update': { note: 'Rule lifted.', vendorStatus: 'solution-provided', scope: 'cloud' },
    });
  });

  it('for the resolution, closure and reopening', () => {
    const proposed = after(working, { type: 'propose-resolution', actor: engineer(maria), summary: 'Connector fixed.' });
    expect(factsOfLastEvent(proposed)).toEqual({ 'resolution-proposed': { summary: 'Connector fixed.' } });
    expect(factsOfLastEvent(after(proposed, { type: 'reject-resolution', actor: requester, reason: 'Still queued.' }))).toEqual({ 'resolution-rejected': { reason: 'Still queued.' } });
    const closed = after(proposed, { type: 'confirm-resolution', actor: requester });
    expect(factsOfLastEvent(closed)).toEqual({ closed: { closure: { reason: 'confirmed', at: closed.updatedAt, summary: 'Connector fixed.' } } });
    expect(factsOfLastEvent(after(closed, { type: 'reopen', actor: requester, reason: 'Broken again.' }))).toEqual({ reopened: { reason: 'Broken again.' } });
  });

  it('for a handoff and an SLA alert', () => {
    const brief = minimalBrief(working);
    const handed = after(working, { type: 'handoff', actor: system, toEngineer: lukas, brief });
    const handoff = handed.timeline.at(-2);
    const [notification] = handoff === undefined ? [] : notificationsFor(handed, handoff, notificationContextFor(handed, org));
    expect(notification?.data).toMatchObject({ fromEngineer: 'María García', fromRegion: 'AMER', toEngineer: 'Lukas Weber', toRegion: 'EMEA', brief: { ticketNumber: working.ticketNumber } });
    const alert = { kind: 'breach', metric: 'resolution', cycleId: 'c1', key: 'resolution:c1:breach', dueAt: '2026-11-24T14:00:00.000Z', explanation: 'Resolution due within 24 hours.' } as const;
    expect(factsOfLastEvent(after(working, { type: 'raise-sla-alert', actor: system, alert }))).toEqual({
      'sla-breach': { metric: 'resolution', dueAt: '2026-11-24T14:00:00.000Z', explanation: 'Resolution due within 24 hours.' },
    });
  });
});

describe('the TAM a ticket’s notifications reach', () => {
  it('is the one triage named, over the contract’s, and is named only as the contract names its own TAM', () => {
    const otherTam = { ...investigatingTicket(), tamEmail: 'ines.costa@css.example' };
    expect(notificationContextFor(otherTam, org).tam).toStrictEqual({ email: 'ines.costa@css.example' });
    expect(notificationContextFor(investigatingTicket(), org).tam).toStrictEqual({ email: 'tom.reyes@css.example', name: 'Tom Reyes' });
  });
});
