/**
 * Paying what a ticket's timeline still owes in emails: plans the owed events' emails again from
 * the stored timeline (so with the same message ids), enqueues them, and strikes them off the debt
 * once nothing is left to retry. The writer does this right after its own write; the watchdog's
 * sweep does it for whatever a writer left behind (a failed enqueue, a process that died).
 */
import type { OrgConfig } from '../domain/org/org-config';
import type { TimelineEvent } from '../domain/timeline/timeline-event';
import { eventsOwed } from './notification-debt';
import { ticketOf, type StoredTicket } from '../store/stored-ticket';
import { NO_NOTIFICATIONS, type NotificationOutcome, type TicketNotifier } from './ticket-notifier';
import type { StoredTicketVersion, TicketRepository } from '../store/ticket-repository';

export interface DebtPaymentDependencies {
  readonly repository: Pick<TicketRepository, 'settleNotifications'>;
  readonly notify: Pick<TicketNotifier, 'enqueue'>;
}

export interface DebtPayment {
  readonly notifications: NotificationOutcome;
  /** The debt is off the ticket (or there was none); false leaves it for a later payment. */
  readonly settled: boolean;
  /** The newest version of the ticket the payment knows, with its ETag: what a next write may start from. */
  readonly version?: StoredTicketVersion;
}

function inTimelineOrder(events: readonly TimelineEvent[]): TimelineEvent[] {
  const unique = new Map(events.map((event) => [event.id, event]));
  return [...unique.values()].sort((a, b) => a.sequence - b.sequence);
}

/**
 * `stored` is the ticket as the caller last saw it, with its ETag when it has one (the settling
 * write then needs no read). `alsoAnnounce` are events to enqueue again although not owed (a
 * replayed command's): harmless, since their ids are already taken.
 */
export async function payNotificationDebt(
  dependencies: DebtPaymentDependencies,
  version: { readonly stored: StoredTicket; readonly etag?: string },
  org: OrgConfig,
  alsoAnnounce: readonly TimelineEvent[] = [],
): Promise<DebtPayment> {
  const { stored, etag } = version;
  const held = etag === undefined ? {} : { version: { stored, etag } };
  const ticket = ticketOf(stored);
  const owed = eventsOwed(ticket, stored.notificationDebt);
  const events = inTimelineOrder([...owed, ...alsoAnnounce]);
  const notifications = events.length === 0 ? NO_NOTIFICATIONS : await dependencies.notify.enqueue(ticket, events, org);
  const debt = stored.notificationDebt;
  if (debt === undefined) return { notifications, settled: true, ...held };
  if (notifications.failed.length > 0) return { notifications, settled: false, ...held };
  // Every owed id is struck off, even one no longer found on the timeline: nothing could pay it.
  const settlement = await dependencies.repository.settleNotifications(ticket.ticketNumber, debt.eventIds, etag === undefined ? undefined : { stored, etag });
  if (settlement.kind === 'settled') return { notifications, settled: true, version: settlement.version };
  // Settled by someone else, or failed: the version held is stale either way (or still owing).
  return { notifications, settled: settlement.kind !== 'failed' };
}
