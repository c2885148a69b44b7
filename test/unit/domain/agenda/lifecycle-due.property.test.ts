import fc from 'fast-check';
import { agendaCommands } from '../../../../shared/domain/agenda/agenda-commands';
import type { AgendaItem } from '../../../../shared/domain/agenda/agenda-item';
import { lifecycleDueAt } from '../../../../shared/domain/agenda/lifecycle-due';
import { ticketAgenda } from '../../../../shared/domain/agenda/ticket-agenda';
import type { Command } from '../../../../shared/domain/lifecycle/commands';
import { decide } from '../../../../shared/domain/lifecycle/decide';
import { evolve } from '../../../../shared/domain/lifecycle/evolve';
import { routeToQueue } from '../../../../shared/domain/routing/route-to-queue';
import type { Ticket } from '../../../../shared/domain/ticket/ticket';
import { context, engineer, receivedTicket, requester, system } from '../support/ticket-fixtures';
import { applyAt, at, org } from './support/agenda-fixtures';

/** What people do between two saves; Baton's own steps come from the agenda. */
const ACTS = ['nothing', 'acknowledge', 'respond', 'request-info', 'customer-reply', 'escalate', 'propose', 'reject', 'confirm', 'reopen'] as const;
type Act = (typeof ACTS)[number];

function personCommand(ticket: Ticket, act: Act): Command | undefined {
  const assignee = ticket.assignee === undefined ? undefined : engineer(ticket.assignee);
  switch (act) {
    case 'nothing':
      return undefined;
    case 'acknowledge':
      return assignee && { type: 'acknowledge', actor: assignee, message: 'I have your ticket.' };
    case 'respond':
      return assignee && { type: 'respond', actor: assignee, message: 'Still investigating.' };
    case 'request-info':
      return assignee && { type: 'request-info', actor: assignee, message: 'Please send the logs.' };
    case 'customer-reply':
      return { type: 'customer-reply', actor: requester, message: 'Here they are.' };
    case 'escalate':
      return assignee && { type: 'escalate-to-vendor', actor: assignee, justification: 'Backend logs are needed.' };
    case 'propose':
      return assignee && { type: 'propose-resolution', actor: assignee, summary: 'Fixed the connector.' };
    case 'reject':
      return { type: 'reject-resolution', actor: requester, reason: 'Still broken here.' };
    case 'confirm':
      return { type: 'confirm-resolution', actor: requester };
    case 'reopen':
      return { type: 'reopen', actor: requester, reason: 'It broke again.' };
  }
}

function applied(ticket: Ticket, commands: readonly Command[], now: string): Ticket {
  return commands.reduce((current, command) => {
    const decision = decide(current, command, now, context);
    return decision.ok ? decision.events.reduce(evolve, current) : current;
  }, ticket);
}

/** The commands Baton issues for an item, the vendor's answer included. */
function batonCommands(item: AgendaItem, ticket: Ticket): Command[] {
  if (item.kind === 'raise-vendor-case') return [{ type: 'record-vendor-case', actor: system, outcome: { status: 'opened', caseId: `SR-${String(ticket.timeline.length)}` } }];
  if (item.kind === 'vendor-follow-up') return [{ type: 'follow-up-vendor', actor: system }];
  return agendaCommands(item);
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
  steps: fc.array(fc.record({ minutes: fc.integer({ min: 1, max: 9 * 60 }), act: fc.constantFrom(...ACTS) }), { minLength: 1, maxLength: 10 }),
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
