/**
 * Turns new timeline events into outbox messages: plans who is told what, renders each email and
 * enqueues it under a deterministic id (event id + template + recipient), so enqueuing the same
 * events again, after a crash or a retry, adds nothing. Then tries to send them at once.
 */
import type { Container } from '@azure/cosmos';
import type { OrgConfig } from '../domain/org/org-config';
import type { Ticket } from '../domain/ticket/ticket';
import type { TimelineEvent } from '../domain/timeline/timeline-event';
import type { Clock } from '../clock';
import { enqueue } from '../email/enqueue';
import { messageIdFor } from '../email/message-id';
import { renderNotification } from '../email/render-notification';
import type { NotificationLinks } from '../email/templates/notification-model';
import { notificationsFor, type PlannedNotification } from './notification-plan';
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
  /** Send what was enqueued at once, waiting at most `budgetMs`; omitted, the delivery timer sends it. */
  readonly promptDelivery?: { readonly options: PromptDeliveryOptions; readonly budgetMs: number };
}

export const DEFAULT_DESK_NAME = 'Baton Support';

/** The id of a notification: the same event, template and recipient always give the same UUID. */
export function notificationMessageId(planned: PlannedNotification): string {
  return messageIdFor(planned.eventId, planned.template, planned.recipient.email.toLowerCase());
}

export function ticketNotifier(options: TicketNotifierOptions): TicketNotifier {
  return async (ticket, events, org) => {
    const planned = notificationsFor(ticket, events, org);
    const enqueued: string[] = [];
    const alreadyEnqueued: string[] = [];
    const failed: { id: string; reason: string }[] = [];
    if (planned.length === 0) return { enqueued, alreadyEnqueued, failed };

    const needsToken = planned.some((notification) => notification.recipient.role === 'requester');
    const token = needsToken ? await options.accessToken(ticket.ticketNumber) : undefined;
    const desk = org?.supportDesk ?? { name: DEFAULT_DESK_NAME, email: options.senderAddress };
    const byId = new Map(events.map((event) => [event.id, event]));

    for (const notification of planned) {
      const id = notificationMessageId(notification);
      const event = byId.get(notification.eventId);
      if (event === undefined) continue;
      const forRequester = notification.recipient.role === 'requester';
      if (forRequester && token?.ok !== true) {
        failed.push({ id, reason: token?.ok === false ? token.reason : 'no access token' });
        continue;
      }
      const links: NotificationLinks = {
        staffTicket: staffTicketUrl(options.publicBaseUrl, ticket.ticketNumber),
        ...(forRequester && token?.ok === true ? { requester: requesterLinks(options.publicBaseUrl, ticket.ticketNumber, token.token) } : {}),
      };
      const email = renderNotification({ template: notification.template, ticket, event, recipient: notification.recipient, desk, links });
      const recipient = notification.recipient.name === undefined ? { email: notification.recipient.email } : { email: notification.recipient.email, name: notification.recipient.name };
      const result = await enqueue(
        options.outbox,
        { id, ticketNumber: ticket.ticketNumber, template: notification.template, to: [recipient], ...email },
        options.clock,
      );
      if (result.kind === 'enqueued') enqueued.push(id);
      else if (result.kind === 'already-enqueued') alreadyEnqueued.push(id);
      else failed.push({ id, reason: result.kind === 'invalid' ? result.reason : result.failure.kind });
    }

    if (options.promptDelivery) {
      await deliverPromptly([...enqueued, ...alreadyEnqueued], options.promptDelivery.options, options.promptDelivery.budgetMs);
    }
    return { enqueued, alreadyEnqueued, failed };
  };
}
