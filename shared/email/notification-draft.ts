/**
 * One planned notification as the outbox message that carries it: rendered against the ticket as
 * it stood after its event, addressed to its one recipient, with Reply-To the desk's mailbox and
 * the headers that thread it into the recipient's conversation about the ticket.
 */
import type { OrgConfig } from '../domain/org/org-config';
import { threadHeaders, threadOf, type TicketConversations } from './email-thread';
import type { OutboxDraft } from './outbox-message';
import { outboxMessageId, type PlannedEmail } from './planned-emails';
import { renderNotification } from './render-notification';
import type { NotificationLinks, NotificationModel } from './templates/notification-model';

export interface DraftContext {
  readonly desk: NotificationModel['desk'];
  /** Where replies go: the desk's support mailbox unless a setting names another. */
  readonly replyToAddress: string;
  readonly senderAddress: string;
  readonly conversations: TicketConversations;
  readonly productCatalogue?: OrgConfig['productCatalogue'];
  readonly queues?: OrgConfig['queues'];
}

export async function notificationDraft(planned: PlannedEmail, links: NotificationLinks, context: DraftContext): Promise<OutboxDraft | undefined> {
  const { notification } = planned;
  const recipient = notification.to[0];
  if (recipient === undefined) return undefined;
  const id = outboxMessageId(notification);
  const email = await renderNotification({
    template: notification.template,
    ticket: planned.ticket,
    event: planned.event,
    recipient,
    desk: context.desk,
    links,
    ...(context.productCatalogue === undefined ? {} : { productAreas: context.productCatalogue }),
    ...(context.queues === undefined ? {} : { queues: context.queues }),
  });
  return {
    id,
    ticketNumber: notification.ticketNumber,
    template: notification.template,
    to: [recipient.name === undefined ? { email: recipient.email } : { email: recipient.email, name: recipient.name }],
    replyTo: [{ email: context.replyToAddress, name: context.desk.name }],
    headers: threadHeaders(threadOf(context.conversations, recipient.email, id, context.senderAddress)),
    ...email,
  };
}
