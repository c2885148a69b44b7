/**
 * Sends just-enqueued outbox messages at once instead of waiting for the delivery timer, within a
 * time budget. Best effort and safe alongside the timer: each message is claimed under its ETag
 * before it is sent — in its own create when it was queued for this send, otherwise by the same
 * step the timer takes — so it is never sent twice; whatever is not sent in time stays pending for
 * the timer, once the claim's lease has run out. The outcome is recorded under the ETag the claim
 * returned, so a send costs no read.
 */
import type { Container } from '@azure/cosmos';
import type { Clock } from '../clock';
import { exponentialBackoff } from './backoff';
import { claimForDelivery, markSent, recordFailure } from './delivery-transitions';
import { OutboxMessageSchema, type OutboxMessage } from './outbox-message';
import { sendOutboxMessage, type EmailSender } from './send-email';
import type { TeamsPoster } from '../teams/post-card';
import { DEFAULT_MAX_DELIVERY_ATTEMPTS } from './deliver-due-messages';
import { updateWithEtag } from '../store/update-with-etag';

export interface PromptDeliveryOptions {
  readonly container: Container;
  readonly emailClient: EmailSender;
  readonly senderAddress: string;
  readonly teams?: TeamsPoster;
  readonly clock: Clock;
  readonly pollIntervalMs: number;
  /** How long a claimed message is kept from the timer; must outlast a send. */
  readonly leaseMs: number;
}

export type PromptOutcome = 'sent' | 'retrying' | 'skipped' | 'store-failed';

/**
 * Claims and outcomes are typed transitions (`delivery-transitions`) of a message parsed when read
 * or built by `enqueue` from a parsed draft: what they write is not parsed again.
 */
const UPDATE = { schema: OutboxMessageSchema, maxAttempts: 3, validateWrites: false };

/** A message as a claim wrote it, with the ETag that write returned. */
export interface ClaimedMessage {
  readonly document: OutboxMessage;
  readonly etag: string;
}

/** What to send: messages already claimed for this send, and ids still to claim (queued earlier). */
export interface PromptBatch {
  readonly claimed: readonly ClaimedMessage[];
  readonly unclaimed: readonly string[];
}

async function claim(messageId: string, options: PromptDeliveryOptions): Promise<ClaimedMessage | 'skipped' | 'store-failed'> {
  const claimed = await updateWithEtag(
    options.container,
    messageId,
    messageId,
    (message) => claimForDelivery(message, options.clock.now(), { leaseMs: options.leaseMs, maxAttempts: DEFAULT_MAX_DELIVERY_ATTEMPTS }),
    UPDATE,
  );
  if (claimed.kind === 'failed') return 'store-failed';
  if (claimed.kind !== 'updated' || claimed.document.status !== 'pending') return 'skipped';
  return { document: claimed.document, etag: claimed.etag };
}

async function sendClaimed(claimed: ClaimedMessage, options: PromptDeliveryOptions, timeoutMs: number): Promise<PromptOutcome> {
  const { container, clock } = options;
  const messageId = claimed.document.id;
  const outcome = await sendOutboxMessage(options.emailClient, claimed.document, {
    senderAddress: options.senderAddress,
    pollIntervalMs: options.pollIntervalMs,
    timeoutMs,
    ...(options.teams === undefined ? {} : { teams: options.teams }),
  });
  const recorded = await updateWithEtag(
    container,
    messageId,
    messageId,
    (message) =>
      outcome.kind === 'sent'
        ? markSent(message, clock.now())
        : recordFailure(message, clock.now(), outcome, { maxAttempts: DEFAULT_MAX_DELIVERY_ATTEMPTS, backoff: exponentialBackoff() }),
    { ...UPDATE, current: claimed },
  );
  if (recorded.kind === 'failed') return 'store-failed';
  return outcome.kind === 'sent' ? 'sent' : 'retrying';
}

async function deliverOne(messageId: string, options: PromptDeliveryOptions, timeoutMs: number): Promise<PromptOutcome> {
  const claimed = await claim(messageId, options);
  return typeof claimed === 'string' ? claimed : sendClaimed(claimed, options, timeoutMs);
}

/** Resolves within about `budgetMs` even if a send hangs; the sends themselves are bounded by it too. */
export async function deliverPromptly(batch: PromptBatch, options: PromptDeliveryOptions, budgetMs: number): Promise<readonly PromptOutcome[] | 'timed-out'> {
  if (batch.claimed.length + batch.unclaimed.length === 0) return [];
  const skippedOnError = (): PromptOutcome => 'skipped';
  const deliveries = Promise.all([
    ...batch.claimed.map((claimed) => sendClaimed(claimed, options, budgetMs).catch(skippedOnError)),
    ...batch.unclaimed.map((id) => deliverOne(id, options, budgetMs).catch(skippedOnError)),
  ]);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timed-out'>((resolve) => {
    timer = setTimeout(() => resolve('timed-out'), budgetMs + 250);
  });
  try {
    return await Promise.race([deliveries, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
