/**
 * One send of an outbox message: an email through ACS Email (`@azure/communication-email`), with
 * the message id as the operation id, so that if the same message is ever sent again the service
 * recognises the operation and does not deliver a second copy; a Teams card through its channel's
 * workflow webhook (`shared/teams/post-card.ts`).
 */
import type { EmailAddress, EmailClient, EmailMessage } from '@azure/communication-email';
import type { TeamsPoster } from '../teams/post-card';
import type { SendOutcome } from './send-outcome';
import { isTeamsMessage, type EmailOutboxMessage, type OutboxMessage, type OutboxRecipient } from './outbox-message';

/** Only what delivery uses of the real client, so a test can also count or sabotage calls. */
export type EmailSender = Pick<EmailClient, 'beginSend'>;

export type { SendOutcome } from './send-outcome';

export interface SendSettings {
  readonly senderAddress: string;
  /** How often to ask the service whether the send completed. */
  readonly pollIntervalMs: number;
  /** A send (request + polling) that takes longer is abandoned and retried later. */
  readonly timeoutMs: number;
  /** Posts Teams cards; without it a card waits (and is retried) until Teams is configured. */
  readonly teams?: TeamsPoster;
}

/** Refusals of the request itself; throttling and server errors are worth another try. */
const PERMANENT_STATUS_CODES = new Set([400, 413, 422]);

function emailAddressOf(recipient: OutboxRecipient): EmailAddress {
  return recipient.name === undefined ? { address: recipient.email } : { address: recipient.email, displayName: recipient.name };
}

export function emailMessageFor(message: EmailOutboxMessage, senderAddress: string): EmailMessage {
  return {
    senderAddress,
    content: { subject: message.subject, html: message.html, plainText: message.text },
    recipients: { to: message.to.map(emailAddressOf) },
    ...(message.replyTo === undefined ? {} : { replyTo: message.replyTo.map(emailAddressOf) }),
    ...(message.headers === undefined ? {} : { headers: message.headers }),
  };
}

/** What a failed send tells us: a line for the outbox record, and whether trying again can help. */
export function sendFailureOf(error: unknown): { readonly error: string; readonly permanent: boolean } {
  const fields = typeof error === 'object' && error !== null ? (error as { statusCode?: unknown; code?: unknown; message?: unknown }) : {};
  const status = typeof fields.statusCode === 'number' ? fields.statusCode : undefined;
  const code = typeof fields.code === 'string' ? fields.code : undefined;
  const message = typeof fields.message === 'string' ? fields.message : String(error);
  const label = [status === undefined ? undefined : `HTTP ${status}`, code].filter((part) => part !== undefined).join(' ');
  return {
    error: label === '' ? message : `${label}: ${message}`,
    permanent: status !== undefined && PERMANENT_STATUS_CODES.has(status),
  };
}

export async function sendOutboxMessage(sender: EmailSender, message: OutboxMessage, settings: SendSettings): Promise<SendOutcome> {
  if (isTeamsMessage(message)) {
    return settings.teams === undefined ? { kind: 'failed', permanent: false, error: 'Teams delivery is not configured' } : settings.teams(message, settings.timeoutMs);
  }
  const abortSignal = AbortSignal.timeout(settings.timeoutMs);
  try {
    const poller = await sender.beginSend(emailMessageFor(message, settings.senderAddress), {
      operationId: message.id,
      updateIntervalInMs: settings.pollIntervalMs,
      abortSignal,
    });
    const result = await poller.pollUntilDone({ abortSignal });
    if (result.status !== 'Succeeded') {
      return { kind: 'failed', permanent: false, error: `operation ended ${result.status}: ${result.error?.message ?? 'no detail'}` };
    }
    return { kind: 'sent' };
  } catch (error: unknown) {
    return { kind: 'failed', ...sendFailureOf(error) };
  }
}
