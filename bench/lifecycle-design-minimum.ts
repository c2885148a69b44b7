/**
 * The fewest store operations Baton's design needs for one ticket's lifecycle, counted from the
 * lifecycle's own record (its timeline and the emails its events call for), so the bench can set
 * what it measured against it in the same run:
 *
 * - the ticket is created once (intake);
 * - every write of the ticket is one read and one replace: its writer must decide on the current
 *   version. Baton's own writes are one per instant (a turn writes everything due at once, from
 *   validation through assignment), and each event a person or the vendor adds is its own request;
 * - every write by a person or the vendor wakes the lifecycle, which reads the ticket once (the
 *   store is the truth, the wake-up says nothing), and the turn that ends the lifecycle reads it
 *   once more;
 * - every write whose events call for emails is one replace more, striking the emails off the debt
 *   the write recorded once they are in the outbox (so none is lost between the two containers);
 *   the "received" email is queued by intake directly and owes nothing;
 * - every email, and every Teams card the stack's channels take, is created once in the outbox and
 *   replaced once when sent.
 */
import type { OrgConfig } from '../shared/domain/org/org-config';
import type { Ticket } from '../shared/domain/ticket/ticket';
import type { TimelineEvent } from '../shared/domain/timeline/timeline-event';
import { eventsCallingForEmail, plannedEmails } from '../shared/email/planned-emails';
import { plannedTeamsCards } from '../shared/teams/planned-cards';
import { NO_TEAMS_WEBHOOKS, type TeamsWebhooks } from '../shared/teams/teams-webhooks';

export interface DesignMinimum {
  readonly ticketDocument: number;
  readonly outbox: number;
  readonly total: number;
  /** What the counts are made of, for the bench to print beside them. */
  readonly writes: { readonly byBaton: number; readonly byPeople: number; readonly callingForEmails: number };
  readonly emails: number;
  readonly teamsCards: number;
}

/** The ticket's writes after intake, in order: Baton's grouped by instant, anyone else's one per event. */
export function ticketWrites(ticket: Ticket): TimelineEvent[][] {
  const writes: TimelineEvent[][] = [];
  for (const event of ticket.timeline.slice(1)) {
    const previous = writes.at(-1);
    const last = previous?.at(-1);
    const sameTurn = previous !== undefined && last !== undefined && event.actor.role === 'system' && last.actor.role === 'system' && last.at === event.at;
    if (sameTurn) previous.push(event);
    else writes.push([event]);
  }
  return writes;
}

/** The base URL only shapes a card's link, never whether a card is planned. */
const ANY_PUBLIC_BASE_URL = 'https://baton.invalid';

export function designMinimum(ticket: Ticket, org: OrgConfig, teamsWebhooks: TeamsWebhooks = NO_TEAMS_WEBHOOKS): DesignMinimum {
  const writes = ticketWrites(ticket);
  const byPeople = writes.filter((write) => write[0]?.actor.role !== 'system').length;
  const callingForEmails = writes.filter((write) => eventsCallingForEmail(ticket, write, org).length > 0).length;
  const emails = plannedEmails(ticket, ticket.timeline, org).length;
  const create = 1;
  const readAndReplace = 2 * writes.length;
  const wakeUpReads = byPeople + 1;
  const ticketDocument = create + readAndReplace + wakeUpReads + callingForEmails;
  const teamsCards = plannedTeamsCards(ticket, ticket.timeline, org, teamsWebhooks, ANY_PUBLIC_BASE_URL).length;
  const outbox = 2 * (emails + teamsCards);
  return { ticketDocument, outbox, total: ticketDocument + outbox, writes: { byBaton: writes.length - byPeople, byPeople, callingForEmails }, emails, teamsCards };
}
