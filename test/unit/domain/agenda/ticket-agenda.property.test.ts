import fc from 'fast-check';
import { workCoverage } from '../../../../shared/domain/agenda/ticket-setting';
import { ticketAgenda } from '../../../../shared/domain/agenda/ticket-agenda';
import { Command } from '../../../../shared/domain/commands/commands';
import { decide } from '../../../../shared/domain/commands/decide';
import { evolve } from '../../../../shared/domain/commands/evolve';
import { onShift } from '../../../../shared/domain/roster/region-shifts';
import { routeToQueue } from '../../../../shared/domain/routing/route-to-queue';
import { Ticket } from '../../../../shared/domain/ticket/ticket';
import { context, engineer, receivedTicket, system } from '../support/ticket-fixtures';
import { applyAt, at, org } from './support/agenda-fixtures';
import { batonCommands, PEOPLE_ACTS, personCommand } from './support/people-acts';

/** Applies the command if the domain accepts it; people's attempts may well be refused. */
function attempt(ticket: Ticket, command: Command | undefined, now: string): Ticket {
  if (command === undefined) return ticket;
  const decision = decide(ticket, command, now, context);
  return decision.ok ? decision.events.reduce(evolve, ticket) : ticket;
}

interface Violation {
  readonly at: string;
  readonly problem: string;
}

/** One turn of the orchestrator: act on the agenda until nothing is due, checking every item. */
function reconcile(start: Ticket, now: string, violations: Violation[]): { ticket: Ticket; ended: boolean } {
  let ticket = start;
  for (let round = 0; round < 6; round += 1) {
    const agenda = ticketAgenda(ticket, org, now);
    if (agenda.nextWakeAt !== undefined && Date.parse(agenda.nextWakeAt) <= Date.parse(now)) violations.push({ at: now, problem: `wake-up ${agenda.nextWakeAt} is not in the future` });
    if (agenda.due.some((item) => item.kind === 'lifecycle-ends')) return { ticket, ended: true };
    const keys = agenda.due.flatMap((item) => (item.kind === 'sla-alert' ? [item.alert.key] : []));
    if (new Set(keys).size !== keys.length) violations.push({ at: now, problem: `an alert key twice in one agenda: ${keys.join()}` });
    keys.filter((key) => ticket.raisedAlertKeys.includes(key)).forEach((key) => violations.push({ at: now, problem: `alert ${key} proposed again` }));
    for (const item of agenda.due) {
      if (item.kind !== 'assign' && item.kind !== 'handoff') continue;
      const chosen = item.kind === 'assign' ? item.engineer : item.to;
      const rostered = org.roster.engineers.find((candidate) => candidate.id === chosen.engineerId);
      if (!onShift(org.roster, chosen.engineerId, now, workCoverage(ticket, org))) violations.push({ at: now, problem: `${chosen.engineerId} proposed off shift` });
      if (ticket.productArea === undefined || !rostered?.skills.includes(ticket.productArea)) violations.push({ at: now, problem: `${chosen.engineerId} lacks ${String(ticket.productArea)}` });
    }
    const commands = agenda.due.flatMap((item) => batonCommands(item, ticket));
    if (commands.length === 0) return { ticket, ended: false };
    for (const command of commands) {
      const decision = decide(ticket, command, now, context);
      if (!decision.ok) {
        violations.push({ at: now, problem: `${command.type} refused: ${decision.rejection.message}` });
        return { ticket, ended: false };
      }
      ticket = decision.events.reduce(evolve, ticket);
    }
  }
  violations.push({ at: now, problem: 'the agenda did not settle' });
  return { ticket, ended: false };
}

const scenarios = fc.record({
  severity: fc.constantFrom('A', 'B', 'C'),
  productArea: fc.constantFrom('exchange-online', 'entra-id', 'azure-compute'),
  triagedAfterMinutes: fc.integer({ min: 0, max: 7 * 24 * 60 }),
  steps: fc.array(fc.record({ minutes: fc.integer({ min: 1, max: 9 * 60 }), act: fc.constantFrom(...PEOPLE_ACTS) }), { minLength: 1, maxLength: 12 }),
});

describe('the ticket agenda, over random lifecycles of the sample organisation', () => {
  it('never proposes an off-shift or unskilled engineer, never an alert twice, and only commands the domain accepts', () => {
    fc.assert(
      fc.property(scenarios, ({ severity, productArea, triagedAfterMinutes, steps }) => {
        const queue = routeToQueue(org.queues, productArea, severity);
        if (!queue.ok) return;
        let ticket = applyAt(receivedTicket({ severity, productArea }), [
          [triagedAfterMinutes, { type: 'start-validation', actor: system }],
          [triagedAfterMinutes, { type: 'triage', actor: system, slaPolicyId: 'enterprise-emea', queueId: queue.queue.id, contractId: 'contoso-unified' }],
        ]);
        const violations: Violation[] = [];
        let minutes = triagedAfterMinutes;
        for (const step of [{ minutes: 0, act: 'nothing' as const }, ...steps]) {
          minutes += step.minutes;
          const now = at(minutes);
          const turn = reconcile(attempt(ticket, personCommand(ticket, step.act), now), now, violations);
          ticket = turn.ticket;
          if (turn.ended) break;
        }
        const alertKeys = ticket.timeline.flatMap((event) => (event.type === 'sla-warning-raised' || event.type === 'sla-breached' ? [event.key] : []));
        expect(violations).toEqual([]);
        expect(new Set(alertKeys).size).toBe(alertKeys.length);
      }),
      { numRuns: 40 },
    );
  });
});
