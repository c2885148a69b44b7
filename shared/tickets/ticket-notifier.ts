/**
 * Turns new timeline events into outbox messages: asks the domain who is told what
 * (`notificationsFor`), renders each email against the ticket as it stood after its event, and
 * enqueues it under a UUID derived from the domain's message id (event id + template +
 * recipient), so enqueuing the same events again, after a crash or a retry, adds nothing. Then
 * tries to send them at once.
 */
import type { Container } from '@azure/cosmos';
import { ticketFromTimeline } from '../domain/lifecycle/evolve';
import type { Notification } from '../domain/notifications/notification';
import { notificationContextFor, type NotificationContext } from '../domain/notifications/notification-context';
import { notificationsFor } from '../domain/notifications/notifications-for';
import type { OrgConfig } from '../domain/org/org-config';
import type { Ticket } from '../domain/ticket/ticket';
import type { TimelineEvent } from '../domain/timeline/timeline-event';
import type { Clock } from '../clock';
import { enqueue } from '../email/enqueue';
import { messageIdFor } from '../email/message-id';
import { renderNotification } from '../email/render-notification';
import type { NotificationLinks } from '../email/templates/notification-model';
import { deliverPromptly, type PromptDeliveryOptions } from './prompt-delivery';
import { requesterLinks, staffTicketUrl } from './ticket-links';

export interface NotificationOutcome {
  readonly enqueued: readonly string[];
  readonly alreadyEnqueued: readonly string[];
  /** Notifications that could not be enqueued; enqueuing the same events again retries them. */
  readonly failed: readonly { readonly id: string; readonly reason: string }[];
}

export type TicketNotifier = (ticket: Ticket, events: readonly TimelineEvent[], org: OrgConfig | undefined) => Promise<NotificationOutcome>;

/** The requester's access token for a ticket, or why it cannot be had right now. */
export type AccessTokenSource = (ticketNumber: string) => Promise<{ readonly ok: true; readonly token: string } | { readonly ok: false; readonly reason: string }>;

export interface TicketNotifierOptions {
  readonly outbox: Container;
  readonly clock: Clock;
  readonly publicBaseUrl: string;
  readonly senderAddress: string;
  readonly accessToken: AccessTokenSource;
  /**
   * Send what was enqueued at once rather than at the timer's next run, within `budgetMs`: awaited
   * (`wait`), or in the background when the caller must not be held up (intake answers first).
   * Omitted, the delivery timer sends everything.
   */
  readonly promptDelivery?: { readonly options: PromptDeliveryOptions; readonly budgetMs: number; readonly wait: boolean };
}

export const DEFAULT_DESK_NAME = 'Baton Support';

/** The outbox id of a notification: ACS wants a UUID, so the domain's id is mapped to a name-based one. */
export function outboxMessageId(notification: Notification): string {
  return messageIdFor(notification.messageId);
}

interface PlannedEmail {
  readonly notification: Notification;
  /** The ticket as it stood right after the event, which is what the email speaks of. */
  readonly ticket: Ticket;
  readonly event: TimelineEvent;
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

export function plannedEmails(ticket: Ticket, events: readonly TimelineEvent[], org: OrgConfig | undefined): PlannedEmail[] {
  return events.flatMap((event) => {
    const then = event.sequence === ticket.timeline[ticket.timeline.length - 1]?.sequence ? ticket : ticketAfter(ticket, event);
    return notificationsFor(then, event, contextFor(then, org)).map((notification) => ({ notification, ticket: then, event }));
  });
}

export function ticketNotifier(options: TicketNotifierOptions): TicketNotifier {
  return async (ticket, events, org) => {
    const planned = plannedEmails(ticket, events, org);
    const enqueued: string[] = [];
    const alreadyEnqueued: string[] = [];
    const failed: { id: string; reason: string }[] = [];
    if (planned.length === 0) return { enqueued, alreadyEnqueued, failed };

    const needsToken = planned.some((email) => email.notification.to[0]?.role === 'requester');
    const token = needsToken ? await options.accessToken(ticket.ticketNumber) : undefined;
    const desk = org?.supportDesk ?? { name: DEFAULT_DESK_NAME, email: options.senderAddress };

    for (const plannedEmail of planned) {
      const { notification } = plannedEmail;
      const recipient = notification.to[0];
      if (recipient === undefined) continue;
      const id = outboxMessageId(notification);
      const forRequester = recipient.role === 'requester';
      if (forRequester && token?.ok !== true) {
        failed.push({ id, reason: token?.ok === false ? token.reason : 'no access token' });
        continue;
      }
      const links: NotificationLinks = {
        staffTicket: staffTicketUrl(options.publicBaseUrl, ticket.ticketNumber),
        ...(forRequester && token?.ok === true ? { requester: requesterLinks(options.publicBaseUrl, ticket.ticketNumber, token.token) } : {}),
      };
      const email = renderNotification({ template: notification.template, ticket: plannedEmail.ticket, event: plannedEmail.event, recipient, desk, links });
      const to = recipient.name === undefined ? { email: recipient.email } : { email: recipient.email, name: recipient.name };
      const result = await enqueue(
        options.outbox,
        { id, ticketNumber: ticket.ticketNumber, template: notification.template, to: [to], ...email },
        options.clock,
      );
      if (result.kind === 'enqueued') enqueued.push(id);
      else if (result.kind === 'already-enqueued') alreadyEnqueued.push(id);
      else failed.push({ id, reason: result.kind === 'invalid' ? result.reason : result.failure.kind });
    }

    const prompt = options.promptDelivery;
    if (prompt) {
      const delivery = deliverPromptly([...enqueued, ...alreadyEnqueued], prompt.options, prompt.budgetMs);
      if (prompt.wait) await delivery;
      // In the background a failure needs no handling: the message stays pending for the timer.
      else delivery.catch(() => undefined);
    }
    return { enqueued, alreadyEnqueued, failed };
  };
}
