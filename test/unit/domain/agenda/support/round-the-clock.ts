/**
 * A Severity A ticket of the sample organisation worked around the clock: received at a given
 * instant, then driven by its agenda alone, as the orchestrator drives it (each due item applied
 * as its system commands, otherwise sleep until the agenda's next wake-up). Whoever takes the
 * ticket acknowledges it and tells the customer where things stand, so the ticket keeps moving
 * without the stall rule stepping in.
 */
import { agendaCommands } from '../../../../../shared/domain/agenda/agenda-commands';
import { ticketAgenda } from '../../../../../shared/domain/agenda/ticket-agenda';
import { receiveTicket } from '../../../../../shared/domain/commands/receive-ticket';
import type { OrgConfig } from '../../../../../shared/domain/org/org-config';
import { routeToQueue } from '../../../../../shared/domain/routing/route-to-queue';
import type { EngineerRef } from '../../../../../shared/domain/ticket/engineer-ref';
import type { Ticket } from '../../../../../shared/domain/ticket/ticket';
import type { TimelineEventOf } from '../../../../../shared/domain/timeline/timeline-event';
import { apply, engineer, system, webFormIntake } from '../../support/ticket-fixtures';

export type RoundTheClock = { readonly ticket: Ticket; readonly handoffs: readonly TimelineEventOf<'handed-off'>[] };

/** Far more turns than a few days of work take; reaching it means the agenda stopped making progress. */
const MAX_TURNS = 500;

export function workAroundTheClock(org: OrgConfig, receivedAt: string, until: string, productArea = 'exchange-online'): RoundTheClock {
  const routing = routeToQueue(org.queues, productArea, 'A');
  if (!routing.ok) throw new Error(`no queue takes ${productArea}`);
  const intake = webFormIntake({ productArea });
  let ticket = receiveTicket({ ticketNumber: 'BTN-2026-000777', intake, accessTokenHash: 'sha256:0123456789abcdef0123', receivedAt }).ticket;
  ticket = apply(ticket, { type: 'start-validation', actor: system }, receivedAt);
  ticket = apply(ticket, { type: 'triage', actor: system, slaPolicyId: 'enterprise-emea', queueId: routing.queue.id, contractId: 'contoso-unified', tamEmail: 'tom.reyes@css.example' }, receivedAt);

  let now = receivedAt;
  for (let turn = 0; turn < MAX_TURNS && Date.parse(now) < Date.parse(until); turn += 1) {
    const agenda = ticketAgenda(ticket, org, now);
    if (agenda.due.length === 0) {
      if (agenda.nextWakeAt === undefined) break;
      now = agenda.nextWakeAt;
      continue;
    }
    const before = ticket.assignee?.engineerId;
    ticket = agenda.due.flatMap(agendaCommands).reduce((current, command) => apply(current, command, now), ticket);
    const taker = ticket.assignee;
    if (taker !== undefined && taker.engineerId !== before) ticket = takeOver(ticket, taker, now);
  }
  return { ticket, handoffs: ticket.timeline.filter((event): event is TimelineEventOf<'handed-off'> => event.type === 'handed-off') };
}

function takeOver(ticket: Ticket, taker: EngineerRef, now: string): Ticket {
  const actor = engineer(taker);
  const acknowledged =
    ticket.status === 'assigned'
      ? apply(ticket, { type: 'acknowledge', actor, message: 'I have your ticket and am reading the message trace.' }, now)
      : apply(ticket, { type: 'acknowledge-handoff', actor }, now);
  return apply(acknowledged, { type: 'respond', actor, message: `${taker.name} here, in ${taker.region}: I have picked up your ticket and carry on with the next step.` }, now);
}
