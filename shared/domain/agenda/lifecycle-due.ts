/**
 * When Baton must next act on a ticket, as its state stands: at once while it awaits validation or
 * while its agenda has something due, at the agenda's next wake-up otherwise, and never once the
 * ticket is finished. Saved with every change of the ticket, so that the watchdog finds the
 * lifecycles that are late with one range query instead of rebuilding every open ticket's agenda.
 */
import type { Instant } from '../primitives';
import type { OrgConfig } from '../org/org-config';
import type { Ticket } from '../ticket/ticket';
import { isFinished } from '../ticket/ticket-status';
import type { Agenda } from './agenda-item';
import { ticketAgenda } from './ticket-agenda';
import { AWAITING_VALIDATION } from './validation-agenda';

/**
 * Undefined when nothing will ever be due (a reopen is a change, and computes it again). Without
 * the engineers' loads an assignment looks possible whenever someone skilled is on shift, so such a
 * ticket may be reported due when its lifecycle found everyone at capacity: the watchdog then finds
 * the lifecycle alive and looks again at `nextLookAfter`.
 */
export function lifecycleDueAt(ticket: Ticket, org: OrgConfig | undefined, now: Instant, known?: Agenda): Instant | undefined {
  if (isFinished(ticket.status)) return undefined;
  // Validation is always due on a received ticket: no need to work out its verdict at intake.
  if (org === undefined || AWAITING_VALIDATION.includes(ticket.status)) return now;
  const agenda = known ?? ticketAgenda(ticket, org, now);
  return agenda.due.length > 0 ? now : agenda.nextWakeAt;
}

/** The agenda's next instant strictly after `now`, ignoring what is due now: a live lifecycle owns that. */
export function nextLookAfter(ticket: Ticket, org: OrgConfig, now: Instant): Instant | undefined {
  if (isFinished(ticket.status)) return undefined;
  return ticketAgenda(ticket, org, now).nextWakeAt;
}
