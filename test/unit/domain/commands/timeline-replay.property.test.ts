import fc from 'fast-check';
import { decide } from '../../../../shared/domain/commands/decide';
import { evolve, ticketFromTimeline } from '../../../../shared/domain/commands/evolve';
import { Ticket, TicketSchema } from '../../../../shared/domain/ticket/ticket';
import { isCustomerVisibleUpdate } from '../../../../shared/domain/timeline/customer-visible-update';
import { candidateCommands } from '../support/command-catalogue';
import { context, minutesAfter, receivedTicket } from '../support/ticket-fixtures';

/**
 * A step: which accepted command to take, how long after the last event it comes, and whether to
 * prefer one that moves the ticket on (otherwise notes and severity talk crowd out the lifecycle).
 */
const stepArbitrary = fc.record({ pick: fc.nat(), minutesLater: fc.integer({ min: 1, max: 20_000 }), preferProgress: fc.boolean() });
const stepsArbitrary = fc.array(stepArbitrary, { minLength: 1, maxLength: 40 });
type Step = { pick: number; minutesLater: number; preferProgress: boolean };

/** Events that move a ticket on without changing its status. */
const MILESTONES: readonly string[] = ['vendor-escalation-requested', 'vendor-case-opened', 'handed-off', 'engineer-assigned'];

interface Run {
  ticket: Ticket;
  snapshots: Ticket[];
}

/** Drives a ticket through random legal commands; every step is `decide` then `evolve`. */
function run(steps: readonly Step[]): Run {
  const snapshots: Ticket[] = [];
  let ticket = receivedTicket();
  for (const step of steps) {
    const now = minutesAfter(ticket.updatedAt, step.minutesLater);
    const current = ticket;
    const outcomes = candidateCommands(current).flatMap((command) => {
      const decision = decide(current, command, now, context);
      return decision.ok && decision.events.length > 0 ? [decision.events.reduce(evolve, current)] : [];
    });
    const moving = outcomes.filter((next) => next.status !== current.status || MILESTONES.includes(next.timeline.at(-1)?.type ?? ''));
    const choices = step.preferProgress && moving.length > 0 ? moving : outcomes;
    const next = choices[step.pick % Math.max(choices.length, 1)];
    if (next) {
      snapshots.push(current);
      ticket = next;
    }
  }
  return { ticket, snapshots };
}

describe('the ticket as a projection of its timeline', () => {
  it('is reproduced exactly by replaying its timeline from scratch', () => {
    fc.assert(
      fc.property(stepsArbitrary, (steps) => {
        const { ticket } = run(steps);
        expect(ticketFromTimeline(ticket.timeline)).toEqual({ ok: true, ticket });
      }),
      { numRuns: 150 },
    );
  });

  it('never removes or edits earlier timeline events', () => {
    fc.assert(
      fc.property(stepsArbitrary, (steps) => {
        const { ticket, snapshots } = run(steps);
        for (const earlier of [...snapshots, ticket]) {
          expect(ticket.timeline.slice(0, earlier.timeline.length)).toEqual(earlier.timeline);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('numbers events 1..n with ids derived from the ticket number, in time order', () => {
    fc.assert(
      fc.property(stepsArbitrary, (steps) => {
        const { ticket } = run(steps);
        ticket.timeline.forEach((event, index) => {
          expect(event.sequence).toBe(index + 1);
          expect(event.id).toBe(`${ticket.ticketNumber}:${String(index + 1)}`);
          const previous = ticket.timeline[index - 1];
          if (previous) {
            expect(Date.parse(event.at)).toBeGreaterThanOrEqual(Date.parse(previous.at));
          }
        });
      }),
      { numRuns: 100 },
    );
  });

  it('stays a valid stored document through a JSON round trip', () => {
    fc.assert(
      fc.property(stepsArbitrary, (steps) => {
        const { ticket } = run(steps);
        expect(TicketSchema.parse(JSON.parse(JSON.stringify(ticket)))).toEqual(ticket);
      }),
      { numRuns: 60 },
    );
  });

  it('raises each SLA alert key once and counts handoffs since the last customer update', () => {
    fc.assert(
      fc.property(stepsArbitrary, (steps) => {
        const { ticket } = run(steps);
        expect(new Set(ticket.raisedAlertKeys).size).toBe(ticket.raisedAlertKeys.length);
        const alerts = ticket.timeline.filter((event) => event.type === 'sla-warning-raised' || event.type === 'sla-breached');
        expect(alerts.length).toBe(ticket.raisedAlertKeys.length);
        const lastUpdate = ticket.timeline.map((event) => isCustomerVisibleUpdate(event)).lastIndexOf(true);
        const handoffsSince = ticket.timeline.slice(lastUpdate + 1).filter((event) => event.type === 'handed-off').length;
        expect(ticket.handoffsSinceCustomerUpdate).toBe(handoffsSince);
      }),
      { numRuns: 100 },
    );
  });

  it('explores the whole lifecycle, so the properties above are not vacuous', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(stepsArbitrary, (steps) => {
        const { ticket, snapshots } = run(steps);
        [...snapshots, ticket].forEach((snapshot) => seen.add(snapshot.status));
      }),
      { numRuns: 200, seed: 20261123 },
    );
    expect([...seen].sort()).toEqual(
      ['received', 'validating', 'rejected', 'triaged', 'assigned', 'investigating', 'awaiting-customer', 'escalated-to-vendor', 'resolution-proposed', 'closed', 'reopened'].sort(),
    );
  });
});
