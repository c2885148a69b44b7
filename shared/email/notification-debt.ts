/**
 * Pure: the emails a ticket still owes. Cosmos has no transaction across the `tickets` and
 * `outbox` containers, so the write that appends events also records, under the same ETag, which
 * of them call for emails; the debt is settled only once those emails are known to be in the
 * outbox. Whatever dies in between (the process, the store), the debt stays on the ticket, and the
 * next writer or the watchdog's sweep plans the same emails again from the timeline.
 */
import { z } from 'zod';
import { InstantSchema, type Instant } from '../domain/primitives';
import type { Ticket } from '../domain/ticket/ticket';
import type { TimelineEvent } from '../domain/timeline/timeline-event';

export const NotificationDebtSchema = z.object({
  /**
   * When the oldest event still owed was appended: the sweep's only key (`/notificationDebt/since`
   * is range-indexed, so tickets that owe nothing cost its query nothing). A partial settlement
   * keeps it, so the rest may be looked at early, which is harmless: enqueuing is idempotent.
   */
  since: InstantSchema,
  /** Ids of timeline events whose emails are not yet known to be enqueued, in timeline order. */
  eventIds: z.array(z.string().min(1)).min(1),
});
export type NotificationDebt = z.infer<typeof NotificationDebtSchema>;

/** The debt after a write that appended `events` calling for emails at `at`. */
export function owe(debt: NotificationDebt | undefined, events: readonly TimelineEvent[], at: Instant): NotificationDebt | undefined {
  const owed = debt?.eventIds ?? [];
  const added = events.map((event) => event.id).filter((id) => !owed.includes(id));
  if (added.length === 0) return debt;
  // Normalised, so the sweep's string comparison orders instants correctly.
  return { since: debt?.since ?? new Date(at).toISOString(), eventIds: [...owed, ...added] };
}

/** The debt once the emails of `eventIds` are in the outbox; undefined when nothing is left. */
export function settle(debt: NotificationDebt | undefined, eventIds: readonly string[]): NotificationDebt | undefined {
  if (debt === undefined) return undefined;
  const left = debt.eventIds.filter((id) => !eventIds.includes(id));
  return left.length === 0 ? undefined : { since: debt.since, eventIds: left };
}

/** True when settling `eventIds` would change the debt. */
export function owesAnyOf(debt: NotificationDebt | undefined, eventIds: readonly string[]): boolean {
  return debt !== undefined && debt.eventIds.some((id) => eventIds.includes(id));
}

/** The owed events, from the ticket's own timeline, so they are planned exactly as the first time. */
export function eventsOwed(ticket: Ticket, debt: NotificationDebt | undefined): TimelineEvent[] {
  if (debt === undefined) return [];
  return ticket.timeline.filter((event) => debt.eventIds.includes(event.id));
}
