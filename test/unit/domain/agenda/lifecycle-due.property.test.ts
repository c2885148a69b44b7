import fc from 'fast-check';
import { lifecycleDueAt } from '../../../../shared/domain/agenda/lifecycle-due';
import { ticketAgenda } from '../../../../shared/domain/agenda/ticket-agenda';
import type { Command } from '../../../../shared/domain/commands/commands';
import { decide } from '../../../../shared/domain/commands/decide';
import { evolve } from '../../../../shared/domain/commands/evolve';
import { routeToQueue } from '../../../../shared/domain/routing/route-to-queue';
import type { Ticket } from '../../../../shared/domain/ticket/ticket';
import { context, receivedTicket, system } from '../support/ticket-fixtures';
import { applyAt, at, org } from './support/agenda-fixtures';
import { batonCommands, PEOPLE_ACTS, personCommand } from './support/people-acts';

function applied(ticket: Ticket, commands: readonly Command[], now: string): Ticket {
  return commands.reduce((current, command) => {
    const decision = decide(current, command, now, context);
    return decision.ok ? decision.events.reduce(evolve, current) : current;
  }, ticket);
}

/** A turn of the orchestration: act on the agenda until nothing it can act on is due. */
function settled(start: Ticket, now: string): Ticket {
  let ticket = start;
  for (let round = 0; round < 6; round += 1) {
    const commands = ticketAgenda(ticket, org, now).due.flatMap((item) => batonCommands(item, ticket));
    const next = applied(ticket, commands, now);
    if (next === ticket) return ticket;
    ticket = next;
  }
  return ticket;
}

const scenarios = fc.record({
  severity: fc.constantFrom('A', 'B', 'C'),
  productArea: fc.constantFrom('exchange-online', 'entra-id', 'azure-compute'),
  triagedAfterMinutes: fc.integer({ min: 0, max: 7 * 24 * 60 }),
  steps: fc.array(fc.record({ minutes: fc.integer({ min: 1, max: 9 * 60 }), act: fc.constantFrom(...PEOPLE_ACTS) }), { minLength: 1, maxLength: 10 }),
  probes: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
});

describe('the instant a ticket’s lifecycle must next act, over random lifecycles of the sample organisation', () => {
  it('is never later than anything falling due: the watchdog cannot sleep through work a lost orchestration left undone', () => {
    fc.assert(
      fc.property(scenarios, ({ severity, productArea, triagedAfterMinutes, steps, probes }) => {
        const queue = routeToQueue(org.queues, productArea, severity);
        if (!queue.ok) return;
        let ticket = applyAt(receivedTicket({ severity, productArea }), [
          [triagedAfterMinutes, { type: 'start-validation', actor: system }],
          [triagedAfterMinutes, { type: 'triage', actor: system, slaPolicyId: 'enterprise-emea', queueId: queue.queue.id, contractId: 'contoso-unified' }],
        ]);
        let minutes = triagedAfterMinutes;
        for (const step of steps) {
          minutes += step.minutes;
          const command = personCommand(ticket, step.act);
          ticket = settled(command === undefined ? ticket : applied(ticket, [command], at(minutes)), at(minutes));
        }
        const savedAt = at(minutes);
        const dueAt = lifecycleDueAt(ticket, org, savedAt);
        if (dueAt === savedAt) return;
        // Nothing is due as saved; nor may anything be before the stored instant (a week on when there is none).
        const horizon = dueAt === undefined ? Date.parse(savedAt) + 7 * 24 * 3_600_000 : Date.parse(dueAt);
        for (const fraction of probes) {
          const probe = new Date(Date.parse(savedAt) + Math.floor(fraction * (horizon - Date.parse(savedAt) - 1))).toISOString();
          const due = ticketAgenda(ticket, org, probe).due.filter((item) => item.kind !== 'lifecycle-ends');
          expect({ probe, due: due.map((item) => item.kind) }).toEqual({ probe, due: [] });
        }
      }),
      { numRuns: 60 },
    );
  });
});
