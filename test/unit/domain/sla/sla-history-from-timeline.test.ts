import fc from 'fast-check';
import { decide } from '../../../../shared/domain/commands/decide';
import { evolve } from '../../../../shared/domain/commands/evolve';
import { instantPlus } from '../../../../shared/domain/commands/instants';
import { isSlaPausingStatus, slaHistoryFromTimeline } from '../../../../shared/domain/sla/sla-history-from-timeline';
import { SlaHistorySchema } from '../../../../shared/domain/sla/sla-history';
import { slaClocks } from '../../../../shared/domain/sla/sla-clocks';
import { Command } from '../../../../shared/domain/commands/commands';
import { Ticket } from '../../../../shared/domain/ticket/ticket';
import { TICKET_STATUSES } from '../../../../shared/domain/ticket/ticket-status';
import { IntakeSchema } from '../../../../shared/domain/intake/intake';
import { receiveTicket } from '../../../../shared/domain/commands/receive-ticket';
import { candidateCommands } from '../support/command-catalogue';
import { sampleOrg } from '../support/org-fixtures';
import { apply, assignedTicket, context, engineer, lead, maria, receivedTicket, requester, system, T0 } from '../support/ticket-fixtures';

/** Applies commands at the given minutes after T0. */
function at(ticket: Ticket, steps: readonly [number, Command][]): Ticket {
  return steps.reduce((current, [minutes, command]) => apply(current, command, instantPlus(T0, { hours: minutes / 60 })), ticket);
}

const t = (minutes: number) => instantPlus(T0, { hours: minutes / 60 });

describe('SLA history from the timeline', () => {
  const worked = at(assignedTicket(), [
    [30, { type: 'acknowledge', actor: engineer(maria), message: 'I have your ticket.' }],
    [40, { type: 'internal-note', actor: engineer(maria), note: 'Checking connectors.' }],
    [50, { type: 'request-info', actor: engineer(maria), message: 'Please send Get-Queue output.' }],
    [110, { type: 'customer-reply', actor: requester, message: 'Attached.' }],
    [130, { type: 'respond', actor: engineer(maria), message: 'The smart host is unreachable.' }],
    [150, { type: 'escalate-to-vendor', actor: engineer(maria), justification: 'Backend transport logs needed.' }],
    [160, { type: 'record-vendor-case', actor: system, outcome: { status: 'opened', caseId: '2611230040001234' } }],
    [400, { type: 'vendor-update', actor: system, note: 'Mitigated.', status: 'closed' }],
    [420, { type: 'propose-resolution', actor: engineer(maria), summary: 'Smart host replaced.' }],
  ]);

  it('starts at receipt and takes the first customer-visible agent message as first response', () => {
    const history = slaHistoryFromTimeline(worked);
    expect(history).toMatchObject({ openedAt: T0, severity: 'A', firstResponseAt: t(30) });
    expect(history?.customerVisibleUpdates).toEqual([t(30), t(50), t(130), t(420)]);
    expect(history?.customerReplies).toEqual([t(110)]);
    expect(history?.closedAt).toBeUndefined();
  });

  it('pauses while awaiting the customer, the vendor, and the answer to a proposed resolution', () => {
    expect(slaHistoryFromTimeline(worked)?.pauses).toEqual([
      { from: t(50), to: t(110), reason: 'awaiting-customer' },
      { from: t(160), to: t(400), reason: 'awaiting-vendor' },
      { from: t(420), reason: 'resolution-proposed' },
    ]);
  });

  it('ends the last pause and the cycle at closure', () => {
    const closed = at(worked, [[500, { type: 'confirm-resolution', actor: requester }]]);
    const history = slaHistoryFromTimeline(closed);
    expect(history?.closedAt).toBe(t(500));
    expect(history?.pauses.at(-1)).toEqual({ from: t(420), to: t(500), reason: 'resolution-proposed' });
  });

  it('starts a new cycle at the last reopen, leaving the earlier life behind', () => {
    const reopened = at(worked, [
      [500, { type: 'confirm-resolution', actor: requester }],
      [2000, { type: 'reopen', actor: requester, reason: 'Queue growing again.' }],
      [2030, { type: 'customer-reply', actor: requester, message: 'Here is a new trace.' }],
    ]);
    // Strict: a first response, closure or severity change of the earlier life is not even named.
    expect(slaHistoryFromTimeline(reopened)).toStrictEqual({
      openedAt: t(2000),
      severity: 'A',
      pauses: [],
      customerVisibleUpdates: [],
      customerReplies: [t(2030)],
    });
  });

  it('pauses again after a reopen, counting the statuses of the new cycle only', () => {
    const reopened = at(worked, [
      [500, { type: 'confirm-resolution', actor: requester }],
      [2000, { type: 'reopen', actor: requester, reason: 'Queue growing again.' }],
      [2020, { type: 'request-info', actor: engineer(maria), message: 'Which connector queues now?' }],
      [2050, { type: 'customer-reply', actor: requester, message: 'The outbound one.' }],
    ]);
    expect(slaHistoryFromTimeline(reopened)?.pauses).toEqual([{ from: t(2020), to: t(2050), reason: 'awaiting-customer' }]);
  });

  it('keeps one pause through notes and replies made while it lasts', () => {
    const waiting = at(assignedTicket(), [
      [30, { type: 'request-info', actor: engineer(maria), message: 'Please send Get-Queue output.' }],
      [40, { type: 'internal-note', actor: engineer(maria), note: 'Asked for the queue output.' }],
      [45, { type: 'request-info', actor: engineer(maria), message: 'And the connector validation report.' }],
      [90, { type: 'customer-reply', actor: requester, message: 'Both attached.' }],
    ]);
    expect(slaHistoryFromTimeline(waiting)?.pauses).toEqual([{ from: t(30), to: t(90), reason: 'awaiting-customer' }]);
  });

  it('records no pause for a wait that ends at the instant it began', () => {
    const answeredAtOnce = at(assignedTicket(), [
      [30, { type: 'request-info', actor: engineer(maria), message: 'Please send Get-Queue output.' }],
      [30, { type: 'customer-reply', actor: requester, message: 'Attached.' }],
    ]);
    expect(slaHistoryFromTimeline(answeredAtOnce)?.pauses).toEqual([]);
  });

  it('closes a ticket rejected at validation at the rejection', () => {
    const rejected = at(receivedTicket(), [
      [1, { type: 'start-validation', actor: system }],
      [5, { type: 'reject', actor: system, reasons: [{ code: 'no-contract', message: 'No contract covers contoso.com.' }] }],
    ]);
    expect(slaHistoryFromTimeline(rejected)).toMatchObject({ openedAt: T0, closedAt: t(5) });
  });

  it('pauses the clocks only while the ticket waits on the customer, the vendor or the answer to a proposed resolution', () => {
    expect(TICKET_STATUSES.filter(isSlaPausingStatus)).toEqual(['awaiting-customer', 'escalated-to-vendor', 'resolution-proposed']);
  });

  it('records when the current severity was set', () => {
    const raised = at(receivedTicket({ severity: 'C' }), [
      [1, { type: 'start-validation', actor: system }],
      [2, { type: 'triage', actor: system, slaPolicyId: 'enterprise-emea', queueId: 'collaboration', contractId: 'contoso-unified' }],
      [60, { type: 'change-severity', actor: lead, to: 'B', reason: 'More users affected.' }],
    ]);
    expect(slaHistoryFromTimeline(raised)).toMatchObject({ severity: 'B', severitySince: t(60) });
  });

  it('dates a consented downgrade from the consent, the latest change of the cycle', () => {
    const downgraded = at(receivedTicket({ severity: 'C' }), [
      [1, { type: 'start-validation', actor: system }],
      [2, { type: 'triage', actor: system, slaPolicyId: 'enterprise-emea', queueId: 'collaboration', contractId: 'contoso-unified' }],
      [60, { type: 'change-severity', actor: lead, to: 'A', reason: 'The whole tenant is affected.' }],
      [90, { type: 'change-severity', actor: lead, to: 'B', reason: 'A workaround restored most mail flow.' }],
      [120, { type: 'consent-to-downgrade', actor: requester }],
    ]);
    expect(slaHistoryFromTimeline(downgraded)).toMatchObject({ severity: 'B', severitySince: t(120) });
  });

  it('leaves a downgrade that awaits the requester out of the severity', () => {
    const proposed = at(assignedTicket(), [[90, { type: 'change-severity', actor: lead, to: 'B', reason: 'A workaround restored mail flow.' }]]);
    expect(slaHistoryFromTimeline(proposed)).toMatchObject({ severity: 'A' });
    expect(slaHistoryFromTimeline(proposed)).not.toHaveProperty('severitySince');
  });

  it('measures no pauses, rather than failing, on a record that does not begin with its receipt', () => {
    const waiting = at(assignedTicket(), [[30, { type: 'request-info', actor: engineer(maria), message: 'Please send Get-Queue output.' }]]);
    expect(slaHistoryFromTimeline({ ...waiting, timeline: waiting.timeline.slice(1) })).toMatchObject({ openedAt: T0, pauses: [] });
    expect(slaHistoryFromTimeline({ ...waiting, timeline: [] })).toMatchObject({ openedAt: T0, pauses: [] });
  });

  it('has nothing to measure without a severity', () => {
    const intake = IntakeSchema.parse({ channel: 'chat', requester: { name: 'Ken', email: 'ken@fabrikam.com' }, description: 'Outlook broken' });
    const chat = receiveTicket({ ticketNumber: 'BTN-2026-000300', intake, accessTokenHash: 'sha256:aabbccddeeff00112233', receivedAt: T0 }).ticket;
    expect(slaHistoryFromTimeline(chat)).toBeUndefined();
  });

  it('feeds the SLA engine: a first response after 30 minutes meets Severity A’s hour', () => {
    const org = sampleOrg();
    const history = slaHistoryFromTimeline(worked);
    const policy = org.slaPolicies.find((candidate) => candidate.id === 'enterprise-emea');
    expect(history && policy).toBeTruthy();
    if (history && policy) {
      const result = slaClocks({ history, policy, calendars: org.calendars, now: t(45) });
      expect(result.ok && result.clocks[0]).toMatchObject({ metric: 'first-response', state: 'met' });
    }
  });

  it('is always a valid history with ordered pauses inside the cycle', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ pick: fc.nat(), minutes: fc.integer({ min: 1, max: 5000 }) }), { maxLength: 30 }), (steps) => {
        let ticket = receivedTicket();
        for (const step of steps) {
          const now = instantPlus(ticket.updatedAt, { hours: step.minutes / 60 });
          const outcomes = candidateCommands(ticket).flatMap((command) => {
            const decision = decide(ticket, command, now, context);
            return decision.ok ? [decision.events] : [];
          });
          ticket = (outcomes[step.pick % Math.max(outcomes.length, 1)] ?? []).reduce(evolve, ticket);
        }
        const history = slaHistoryFromTimeline(ticket);
        expect(history).toBeDefined();
        const parsed = SlaHistorySchema.parse(history);
        const openedAt = Date.parse(parsed.openedAt);
        parsed.pauses.forEach((pause, index) => {
          expect(Date.parse(pause.from)).toBeGreaterThanOrEqual(openedAt);
          if (pause.to !== undefined) {
            expect(Date.parse(pause.to)).toBeGreaterThan(Date.parse(pause.from));
          } else {
            expect(index).toBe(parsed.pauses.length - 1);
          }
          const next = parsed.pauses[index + 1];
          if (next && pause.to !== undefined) {
            expect(Date.parse(next.from)).toBeGreaterThanOrEqual(Date.parse(pause.to));
          }
        });
      }),
      { numRuns: 80 },
    );
  });
});
