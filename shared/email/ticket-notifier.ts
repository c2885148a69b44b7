/**
 * Turns timeline events into outbox messages: plans who is told what (`planned-emails`), renders
 * each email against the ticket as it stood after its event, and enqueues it under a UUID derived
 * from the domain's message id (event id + template + recipient), so enqueuing the same events
 * again, after a crash or a retry, adds nothing. Sending them at once is a separate step, so the
 * caller can record that the emails are safely queued before it waits on the email service.
 */
import type { Container } from '@azure/cosmos';
import type { OrgConfig } from '../domain/org/org-config';
import type { Ticket } from '../domain/ticket/ticket';
import type { TimelineEvent } from '../domain/timeline/timeline-event';
import type { Clock } from '../clock';
import { enqueue, type Enqueued } from './enqueue';
import { plannedTeamsCards } from '../teams/planned-cards';
import type { TeamsWebhooks } from '../teams/teams-webhooks';
import { notificationDraft, type DraftContext } from './notification-draft';
import type { NotificationLinks } from './templates/notification-model';
import { notificationsOfTimeline, outboxMessageId, plannedEmails } from './planned-emails';
import { ticketConversations } from './email-thread';
import { deliverPromptly, type ClaimedMessage, type PromptDeliveryOptions } from './prompt-delivery';
import { requesterLinks, staffTicketUrl } from '../ticket-service/ticket-links';

export interface NotificationOutcome {
  readonly enqueued: readonly string[];
  /** The enqueued messages created claimed for a prompt send, as written (absent without prompt delivery). */
  readonly claimed?: readonly ClaimedMessage[];
  readonly alreadyEnqueued: readonly string[];
  /** Notifications that could not be enqueued for now (store, access secret); enqueuing the same events again retries them. */
  readonly failed: readonly { readonly id: string; readonly reason: string }[];
  /** Notifications whose email is itself invalid: no retry can queue them, so they owe nothing. */
  readonly undeliverable: readonly { readonly id: string; readonly reason: string }[];
}

export interface TicketNotifier {
  /**
   * Puts the emails the events call for in the outbox; idempotent by message id. With prompt
   * delivery the new messages are created claimed for it, so pass the outcome to `deliverPromptly`:
   * a message it does not send waits for the timer until the claim's lease has run out.
   */
  enqueue(ticket: Ticket, events: readonly TimelineEvent[], org: OrgConfig | undefined): Promise<NotificationOutcome>;
  /** Sends what `enqueue` queued without waiting for the delivery timer, when so configured (best effort). */
  deliverPromptly(outcome: NotificationOutcome): Promise<void>;
}

/** Nothing to send: no planned email, or every one of them already queued. */
export const NO_NOTIFICATIONS: NotificationOutcome = { enqueued: [], alreadyEnqueued: [], failed: [], undeliverable: [] };

/** The requester's access token for a ticket, or why it cannot be had right now. */
export type AccessTokenSource = (ticketNumber: string) => Promise<{ readonly ok: true; readonly token: string } | { readonly ok: false; readonly reason: string }>;

export interface TicketNotifierOptions {
  readonly outbox: Container;
  readonly clock: Clock;
  readonly publicBaseUrl: string;
  readonly senderAddress: string;
  /** Where replies go (`Reply-To`); the organisation's support desk mailbox when not set. */
  readonly replyToAddress?: string;
  /** The staff's Teams channels; cards are queued beside the emails for those configured. */
  readonly teamsWebhooks?: TeamsWebhooks;
  readonly accessToken: AccessTokenSource;
  /**
   * Send what was enqueued at once rather than at the timer's next run, within `budgetMs`: awaited
   * (`wait`), or in the background when the caller must not be held up (intake answers first).
   * Omitted, the delivery timer sends everything.
   */
  readonly promptDelivery?: { readonly options: PromptDeliveryOptions; readonly budgetMs: number; readonly wait: boolean };
}

export const DEFAULT_DESK_NAME = 'Baton Support';

export function ticketNotifier(options: TicketNotifierOptions): TicketNotifier {
  // With prompt delivery every new message is sent right after it is queued: claim it in its create.
  const claimOptions = options.promptDelivery === undefined ? {} : { claimedForMs: options.promptDelivery.options.leaseMs };
  const enqueueFor = async (ticket: Ticket, events: readonly TimelineEvent[], org: OrgConfig | undefined): Promise<NotificationOutcome> => {
    const planned = plannedEmails(ticket, events, org);
    const cards = org === undefined || options.teamsWebhooks === undefined ? [] : plannedTeamsCards(ticket, events, org, options.teamsWebhooks, options.publicBaseUrl);
    if (planned.length === 0 && cards.length === 0) return NO_NOTIFICATIONS;
    const enqueued: string[] = [];
    const claimed: ClaimedMessage[] = [];
    const alreadyEnqueued: string[] = [];
    const failed: { id: string; reason: string }[] = [];
    const undeliverable: { id: string; reason: string }[] = [];
    const record = (id: string, result: Enqueued): void => {
      if (result.kind === 'enqueued') {
        enqueued.push(id);
        if (claimOptions.claimedForMs !== undefined) claimed.push({ document: result.message, etag: result.etag });
      } else if (result.kind === 'already-enqueued') alreadyEnqueued.push(id);
      else if (result.kind === 'invalid') undeliverable.push({ id, reason: result.reason });
      else failed.push({ id, reason: result.failure.kind });
    };
    for (const card of cards) record(card.id, await enqueue(options.outbox, card, options.clock, claimOptions));

    const needsToken = planned.some((email) => email.notification.to[0]?.role === 'requester');
    const token = needsToken ? await options.accessToken(ticket.ticketNumber) : undefined;
    const desk = org?.supportDesk ?? { name: DEFAULT_DESK_NAME, email: options.senderAddress };
    const context: DraftContext = {
      desk,
      replyToAddress: options.replyToAddress ?? desk.email,
      senderAddress: options.senderAddress,
      conversations: ticketConversations(notificationsOfTimeline(ticket, org)),
      ...(org === undefined ? {} : { productCatalogue: org.productCatalogue, queues: org.queues }),
    };

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
      const draft = await notificationDraft(plannedEmail, links, context);
      if (draft === undefined) continue;
      record(id, await enqueue(options.outbox, draft, options.clock, claimOptions));
    }
    return { enqueued, ...(claimed.length === 0 ? {} : { claimed }), alreadyEnqueued, failed, undeliverable };
  };

  return {
    enqueue: enqueueFor,
    async deliverPromptly(outcome) {
      const prompt = options.promptDelivery;
      if (prompt === undefined || outcome.enqueued.length + outcome.alreadyEnqueued.length === 0) return;
      const claimed = outcome.claimed ?? [];
      const unclaimed = [...outcome.enqueued.filter((id) => !claimed.some((message) => message.document.id === id)), ...outcome.alreadyEnqueued];
      const delivery = deliverPromptly({ claimed, unclaimed }, prompt.options, prompt.budgetMs);
      if (prompt.wait) await delivery;
      // In the background a failure needs no handling: the message stays pending for the timer.
      else delivery.catch(() => undefined);
    },
  };
}
