/**
 * Sends just-enqueued outbox messages at once instead of waiting for the delivery timer, within a
 * time budget. Best effort and safe alongside the timer: each message is claimed under its ETag
 * before it is sent (the same steps the timer takes), so it is never sent twice; whatever is not
 * sent in time stays pending for the timer.
 */
import type { Container } from '@azure/cosmos';
import type { Clock } from '../clock';
import { exponentialBackoff } from './backoff';
import { claimForDelivery, markSent, recordFailure } from './delivery-transitions';
import { OutboxMessageSchema } from './outbox-message';
import { sendOutboxMessage, type EmailSender } from './send-email';
import { DEFAULT_MAX_DELIVERY_ATTEMPTS } from './deliver-due-messages';
import { updateWithEtag } from '../store/update-with-etag';

export interface PromptDeliveryOptions {
  readonly container: Container;
  readonly emailClient: EmailSender;
  readonly senderAddress: string;
  readonly clock: Clock;
  readonly pollIntervalMs: number;
  /** How long a claimed message is kept from the timer; must outlast a send. */
  readonly leaseMs: number;
}

export type PromptOutcome = 'sent' | 'retrying' | 'skipped' | 'store-failed';

const UPDATE = { schema: OutboxMessageSchema, maxAttempts: 3 };

async function deliverOne(messageId: string, options: PromptDeliveryOptions, timeoutMs: number): Promise<PromptOutcome> {
  const { container, clock } = options;
  const claim = await updateWithEtag(
    container,
    messageId,
    messageId,
    (message) => claimForDelivery(message, clock.now(), { leaseMs: options.leaseMs, maxAttempts: DEFAULT_MAX_DELIVERY_ATTEMPTS }),
    UPDATE,
  );
  if (claim.kind === 'failed') return 'store-failed';
  if (claim.kind !== 'updated' || claim.document.status !== 'pending') return 'skipped';
  const outcome = await sendOutboxMessage(options.emailClient, claim.document, {
    senderAddress: options.senderAddress,
    pollIntervalMs: options.pollIntervalMs,
    timeoutMs,
  });
  const recorded = await updateWithEtag(
    container,
    messageId,
    messageId,
    (message) =>
      outcome.kind === 'sent'
        ? markSent(message, clock.now())
        : recordFailure(message, clock.now(), outcome, { maxAttempts: DEFAULT_MAX_DELIVERY_ATTEMPTS, backoff: exponentialBackoff() }),
    UPDATE,
  );
  if (recorded.kind === 'failed') return 'store-failed';
  return outcome.kind === 'sent' ? 'sent' : 'retrying';
}

/** Resolves within about `budgetMs` even if a send hangs; the sends themselves are bounded by it too. */
export async function deliverPromptly(messageIds: readonly string[], options: PromptDeliveryOptions, budgetMs: number): Promise<readonly PromptOutcome[] | 'timed-out'> {
  if (messageIds.length === 0) return [];
  const deliveries = Promise.all(messageIds.map((id) => deliverOne(id, options, budgetMs).catch((): PromptOutcome => 'skipped')));
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
