/**
 * The ticket's stored `lifecycleDueAt`: the domain's instant (see
 * shared/domain/agenda/lifecycle-due), or a far-future stand-in when nothing will ever be due, so
 * that a ticket without the field can only be one saved before it existed. The watchdog's range
 * query `lifecycleDueAt <= @cutoff` then never meets a finished ticket.
 */
import { lifecycleDueAt, nextLookAfter } from '../domain/agenda/lifecycle-due';
import type { Agenda } from '../domain/agenda/agenda-item';
import type { OrgConfig } from '../domain/org/org-config';
import type { Instant } from '../domain/primitives';
import type { Ticket } from '../domain/ticket/ticket';

export const LIFECYCLE_NEVER_DUE: Instant = '9999-12-31T23:59:59.999Z';

export function storedLifecycleDueAt(ticket: Ticket, org: OrgConfig | undefined, now: Instant, known?: Agenda): Instant {
  return lifecycleDueAt(ticket, org, now, known) ?? LIFECYCLE_NEVER_DUE;
}

/** What the watchdog stores after finding the ticket's lifecycle alive with nothing overdue. */
export function storedNextLook(ticket: Ticket, org: OrgConfig, now: Instant): Instant {
  return nextLookAfter(ticket, org, now) ?? LIFECYCLE_NEVER_DUE;
}
