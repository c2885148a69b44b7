import fc from 'fast-check';
import { ticketClocks } from '../../../../shared/domain/agenda/sla-agenda';
import { decide } from '../../../../shared/domain/commands/decide';
import { evolve } from '../../../../shared/domain/commands/evolve';
import { receiveTicket } from '../../../../shared/domain/commands/receive-ticket';
import type { SlaClock, SlaMetric } from '../../../../shared/domain/sla/sla-clock';
import type { Ticket } from '../../../../shared/domain/ticket/ticket';
import { candidateCommands } from '../support/command-catalogue';
import { sampleOrg } from '../support/org-fixtures';
import { apply, assignedTicket, context, lead, maria, system, webFormIntake } from '../support/ticket-fixtures';

const org = sampleOrg();
const iso = (ms: number): string => new Date(ms).toISOString();

function clocksByMetric(ticket: Ticket, now: string): Record<SlaMetric, SlaClock | undefined> {
  const clocks = ticketClocks(ticket, org, now);
  const of = (metric: SlaMetric): SlaClock | undefined => clocks.find((clock) => clock.metric === metric);
  return { 'first-response': of('first-response'), 'next-update': of('next-update'), resolution: of('resolution') };
}

describe('SLA due instants as time passes', () => {
  // A Sev B ticket worked within the first second, each event a few milliseconds after the last.
  const receivedAt = '2026-11-24T14:00:17.698Z';
  const proposedAt = '2026-11-24T14:00:18.203Z';
  const received = receiveTicket({ ticketNumber: 'BTN-2026-000777', intake: webFormIntake({ severity: 'B' }), accessTokenHash: 'sha256:0123456789abcdef0123', receivedAt }).ticket;
  const proposed = [
    { at: '2026-11-24T14:00:17.700Z', command: { type: 'start-validation', actor: system } as const },
    { at: '2026-11-24T14:00:17.949Z', command: { type: 'triage', actor: system, slaPolicyId: 'enterprise-emea', queueId: 'collaboration', contractId: 'contoso-unified' } as const },
    { at: '2026-11-24T14:00:17.950Z', command: { type: 'assign', actor: system, engineer: maria } as const },
    { at: proposedAt, command: { type: 'propose-resolution', actor: lead, summary: 'The connector now points at the new smart host.' } as const },
  ].reduce((ticket, step) => apply(ticket, step.command, step.at), received);

  it('measures first response and resolution from receipt, not from triage', () => {
    const clocks = clocksByMetric(proposed, proposedAt);
    expect(clocks['first-response']).toMatchObject({ state: 'met', startedAt: receivedAt, stoppedAt: proposedAt, dueAt: '2026-11-24T16:00:17.698Z' });
    expect(clocks.resolution).toMatchObject({ state: 'paused', startedAt: receivedAt });
  });

  it('keeps the due instant of a met first response while the proposed resolution waits', () => {
    for (const now of ['2026-11-24T14:00:18.454Z', '2026-11-24T15:30:00.000Z', '2026-11-25T09:00:00.000Z']) {
      expect(clocksByMetric(proposed, now)['first-response']).toMatchObject({ state: 'met', dueAt: '2026-11-24T16:00:17.698Z', warningAt: '2026-11-24T15:30:17.698Z' });
    }
  });

  it('projects a paused clock as if it resumed now: what was left, counted from now', () => {
    // 505 ms of the 30 working hours were used before the proposal. Resumed at Tuesday 14:00:18.454
    // (London is on UTC in November), the rest runs to Friday 14:00:18.454 less those 505 ms.
    const resolution = clocksByMetric(proposed, '2026-11-24T14:00:18.454Z').resolution;
    expect(resolution).toMatchObject({ state: 'paused', pausedBy: 'resolution-proposed', dueAt: '2026-11-27T14:00:17.949Z' });
  });

  it('gives every clock that is not paused the same due and warning instants at any later now', () => {
    const step = fc.record({
      pick: fc.nat(),
      // Milliseconds apart as in a live app, minutes apart as people work, or days apart.
      afterMs: fc.oneof(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 90 * 60_000 }), fc.integer({ min: 1, max: 3 * 24 * 60 * 60_000 })),
      firstReadAfterMs: fc.integer({ min: 0, max: 3 * 24 * 60 * 60_000 }),
      secondReadAfterMs: fc.integer({ min: 1, max: 3 * 24 * 60 * 60_000 }),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        let ticket = assignedTicket({ severity: 'B' });
        // Every ticket along the way is read twice after its last event, with nothing appended in between.
        for (const { pick, afterMs, firstReadAfterMs, secondReadAfterMs } of steps) {
          const at = iso(Date.parse(ticket.updatedAt) + afterMs);
          const outcomes = candidateCommands(ticket).flatMap((command) => {
            const decision = decide(ticket, command, at, context);
            return decision.ok ? [decision.events] : [];
          });
          ticket = (outcomes[pick % Math.max(outcomes.length, 1)] ?? []).reduce(evolve, ticket);
          const firstRead = Date.parse(ticket.updatedAt) + firstReadAfterMs;
          const earlier = clocksByMetric(ticket, iso(firstRead));
          const later = clocksByMetric(ticket, iso(firstRead + secondReadAfterMs));
          for (const metric of ['first-response', 'next-update', 'resolution'] as const) {
            const clock = earlier[metric];
            if (clock === undefined || clock.state === 'paused') continue;
            expect({ metric, dueAt: later[metric]?.dueAt, warningAt: later[metric]?.warningAt }).toEqual({ metric, dueAt: clock.dueAt, warningAt: clock.warningAt });
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
