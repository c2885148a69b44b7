/**
 * Pure: which emails a ticket's events call for, as the domain says (`notificationsFor`), each
 * with the ticket as it stood right after its event, which is what the email speaks of. The same
 * events of the same timeline always plan the same message ids, so planning again (after a crash,
 * from the stored timeline) finds the emails already in the outbox instead of adding new ones.
 */
import { evolve, ticketFromReceipt, ticketFromTimeline } from '../domain/commands/evolve';
import type { Notification } from '../domain/notifications/notification';
import { notificationContextFor, type NotificationContext } from '../domain/notifications/notification-context';
import { notificationsFor } from '../domain/notifications/notifications-for';
import type { OrgConfig } from '../domain/org/org-config';
import type { Ticket } from '../domain/ticket/ticket';
import type { TimelineEvent } from '../domain/timeline/timeline-event';
import { messageIdFor } from './message-id';

export interface PlannedEmail {
  readonly notification: Notification;
  /** The ticket as it stood right after the event. */
  readonly ticket: Ticket;
  readonly event: TimelineEvent;
}

/** The outbox id of a notification: ACS wants a UUID, so the domain's id is mapped to a name-based one. */
export function outboxMessageId(notification: Notification): string {
  return messageIdFor(notification.messageId);
}

/** Without the organisation (intake tolerates its absence) only the requester and the assignee are known. */
function contextFor(ticket: Ticket, org: OrgConfig | undefined): NotificationContext {
  if (org !== undefined) return notificationContextFor(ticket, org);
  return ticket.tamEmail === undefined ? { teamLeads: [] } : { teamLeads: [], tam: { email: ticket.tamEmail } };
}

function ticketAfter(ticket: Ticket, event: TimelineEvent): Ticket {
  const replay = ticketFromTimeline(ticket.timeline.filter((recorded) => recorded.sequence <= event.sequence));
  return replay.ok ? replay.ticket : ticket;
}

/** The ticket as it stood right after `event`, which is what a notification of it speaks of. */
export function ticketAfterEvent(ticket: Ticket, event: TimelineEvent): Ticket {
  return event.sequence === ticket.timeline[ticket.timeline.length - 1]?.sequence ? ticket : ticketAfter(ticket, event);
}

export function plannedEmails(ticket: Ticket, events: readonly TimelineEvent[], org: OrgConfig | undefined): PlannedEmail[] {
  return events.flatMap((event) => {
    const then = ticketAfterEvent(ticket, event);
    return notificationsFor(then, event, contextFor(then, org)).map((notification) => ({ notification, ticket: then, event }));
  });
}

/** The events among `events` that call for at least one email: the only ones worth owing. */
export function eventsCallingForEmail(ticket: Ticket, events: readonly TimelineEvent[], org: OrgConfig | undefined): TimelineEvent[] {
  const emailing = new Set(plannedEmails(ticket, events, org).map((email) => email.event.id));
  return events.filter((event) => emailing.has(event.id));
}

/**
 * Every notification the ticket's whole timeline has called for, in the order they were planned,
 * replaying the timeline once: the record a ticket's email conversations are threaded from.
 */
export function notificationsOfTimeline(ticket: Ticket, org: OrgConfig | undefined): Notification[] {
  const [first, ...rest] = ticket.timeline;
  if (first === undefined || first.type !== 'ticket-received') return [];
  let then = ticketFromReceipt(first);
  const notifications = notificationsFor(then, first, contextFor(then, org));
  for (const event of rest) {
    then = evolve(then, event);
    notifications.push(...notificationsFor(then, event, contextFor(then, org)));
  }
  return notifications;
}
