/**
 * A ticket's emails to one person read as one conversation in their mail client: each carries its
 * own `Message-ID`, answers the previous email to that person about the ticket (`In-Reply-To`) and
 * lists the conversation so far (`References`, RFC 5322 §3.6.4). Every id is derived from the
 * outbox id, itself derived from the event, so the headers are the same however often the email
 * is planned again, and known before the previous email was even sent.
 */
import type { Notification } from '../domain/notifications/notification';
import { outboxMessageId } from './planned-emails';

export interface EmailThread {
  readonly messageId: string;
  /** The previous email to the same person about the same ticket; absent for the first. */
  readonly inReplyTo?: string;
  /** The conversation so far, oldest first (the first email, then the most recent ones). */
  readonly references: readonly string[];
}

/** Mail clients need the first and the latest ids; a long ticket's header stays short. */
const MAX_REFERENCES = 10;

/** `<outbox-id@sender-domain>`: the form ACS Email accepts for a message id of the sender's own. */
export function internetMessageId(outboxId: string, senderAddress: string): string {
  const domain = senderAddress.slice(senderAddress.lastIndexOf('@') + 1) || 'baton.invalid';
  return `<${outboxId}@${domain.toLowerCase()}>`;
}

/** Each recipient's emails about the ticket, by address (lower case), as outbox ids in order. */
export type TicketConversations = ReadonlyMap<string, readonly string[]>;

export function ticketConversations(notifications: readonly Notification[]): TicketConversations {
  const conversations = new Map<string, string[]>();
  for (const notification of notifications) {
    const address = notification.to[0]?.email.toLowerCase();
    if (address === undefined) continue;
    const ids = conversations.get(address) ?? [];
    const id = outboxMessageId(notification);
    if (!ids.includes(id)) ids.push(id);
    conversations.set(address, ids);
  }
  return conversations;
}

/** The thread an email belongs to; an email the record does not know starts a thread of its own. */
export function threadOf(conversations: TicketConversations, recipientEmail: string, outboxId: string, senderAddress: string): EmailThread {
  const ids = conversations.get(recipientEmail.toLowerCase()) ?? [];
  const position = ids.indexOf(outboxId);
  const earlier = position < 0 ? [] : ids.slice(0, position);
  const referenced = earlier.length <= MAX_REFERENCES ? earlier : [...earlier.slice(0, 1), ...earlier.slice(-(MAX_REFERENCES - 1))];
  const references = referenced.map((id) => internetMessageId(id, senderAddress));
  const inReplyTo = references[references.length - 1];
  const messageId = internetMessageId(outboxId, senderAddress);
  return inReplyTo === undefined ? { messageId, references } : { messageId, inReplyTo, references };
}

export function threadHeaders(thread: EmailThread): Record<string, string> {
  return {
    'Message-ID': thread.messageId,
    ...(thread.inReplyTo === undefined ? {} : { 'In-Reply-To': thread.inReplyTo }),
    ...(thread.references.length === 0 ? {} : { References: thread.references.join(' ') }),
  };
}
