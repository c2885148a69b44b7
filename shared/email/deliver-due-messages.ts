/**
 * The outbox deliverer (run by a timer): finds pending messages whose time has come, claims each
 * one, sends it through ACS Email and records the outcome. Safe to run in several instances at
 * once: a message is claimed under its ETag before it is sent, so only one of them sends it. The
 * claim uses the ETag the query returned and the outcome the one the claim returned, so a message
 * costs two writes and no read.
 */
import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import type { Clock } from '../clock';
import { queryDocuments } from '../store/query-documents';
import type { StoreFailure } from '../store/store-failure';
import { updateWithEtag } from '../store/update-with-etag';
import { exponentialBackoff, type Backoff } from './backoff';
import { claimForDelivery, markSent, recordFailure } from './delivery-transitions';
import { OutboxMessageSchema, type OutboxMessage } from './outbox-message';
import { sendOutboxMessage, type EmailSender } from './send-email';
import type { TeamsPoster } from '../teams/post-card';

export interface DeliveryOptions {
  readonly container: Container;
  readonly emailClient: EmailSender;
  readonly senderAddress: string;
  /** Posts the outbox's Teams cards to their channels. */
  readonly teams?: TeamsPoster;
  readonly clock: Clock;
  /** Attempts before a message is kept as `failed`. Default 20: with the default backoff, over half a day. */
  readonly maxAttempts?: number;
  readonly backoff?: Backoff;
  /** Messages handled per run; the rest wait for the next run. */
  readonly batchSize?: number;
  /** How long a claim keeps other deliverers off a message; must outlast a send. */
  readonly leaseMs?: number;
  readonly pollIntervalMs?: number;
  readonly sendTimeoutMs?: number;
}

/** A message that did not go out, named by its outbox id and its ticket, so the operator's log line says whose it was. */
export interface UndeliveredMessage {
  readonly id: string;
  readonly ticketNumber: string;
  readonly error: string;
}

export interface DeliveryReport {
  readonly sent: readonly string[];
  readonly retrying: readonly (UndeliveredMessage & { readonly nextAttemptAt: string })[];
  readonly failed: readonly UndeliveredMessage[];
  /** Claimed or finished by another deliverer in the meantime. */
  readonly skipped: readonly string[];
  /** Rows that do not match the outbox schema; left untouched for an operator. */
  readonly unreadable: readonly string[];
  /** Set when the outbox itself could not be read or written; the run stopped there. */
  readonly storeFailure?: StoreFailure;
}

export const DEFAULT_MAX_DELIVERY_ATTEMPTS = 20;
const DEFAULT_BATCH_SIZE = 25;
/** How long a claimed message is held: longer than a send may take (its timeout), so a live deliverer is never overtaken. */
export const DEFAULT_LEASE_MS = 5 * 60_000;
const DEFAULT_POLL_INTERVAL_MS = 1_000;
const DEFAULT_SEND_TIMEOUT_MS = 60_000;
/** Claims race only with other deliverers of the same message; a few attempts settle it. */
const UPDATE_ATTEMPTS = 5;

interface MutableReport {
  sent: string[];
  retrying: (UndeliveredMessage & { readonly nextAttemptAt: string })[];
  failed: UndeliveredMessage[];
  skipped: string[];
  unreadable: string[];
  storeFailure?: StoreFailure;
}

type Step = 'continue' | 'stop';

function stopOn(report: MutableReport, failure: StoreFailure): Step {
  report.storeFailure = failure;
  return 'stop';
}

/** A due message as the query returned it, with the ETag the claim is made under (no read first). */
const DueRowSchema = z.intersection(OutboxMessageSchema, z.object({ _etag: z.string().min(1) }));

async function deliverOne(candidate: OutboxMessage, candidateEtag: string, options: DeliveryOptions, report: MutableReport): Promise<Step> {
  const { container, clock } = options;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_DELIVERY_ATTEMPTS;
  // The transitions are typed changes of the message the query parsed: what they write is not parsed again.
  const update = { schema: OutboxMessageSchema, maxAttempts: UPDATE_ATTEMPTS, validateWrites: false };

  const claim = await updateWithEtag(
    container,
    candidate.id,
    candidate.id,
    (message) => claimForDelivery(message, clock.now(), { leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS, maxAttempts }),
    { ...update, current: { document: candidate, etag: candidateEtag } },
  );
  switch (claim.kind) {
    case 'updated':
      break;
    case 'rejected':
    case 'unchanged':
    case 'not-found':
    case 'contended':
      report.skipped.push(candidate.id);
      return 'continue';
    case 'invalid':
      report.unreadable.push(candidate.id);
      return 'continue';
    case 'failed':
      return stopOn(report, claim.failure);
  }
  // The outcome is recorded under the ETag the claim returned: nobody else may write meanwhile.
  const claimed = { document: claim.document, etag: claim.etag };
  if (claim.document.status === 'failed') {
    report.failed.push({ id: candidate.id, ticketNumber: candidate.ticketNumber, error: claim.document.lastError ?? 'attempts exhausted' });
    return 'continue';
  }

  const outcome = await sendOutboxMessage(options.emailClient, claim.document, {
    senderAddress: options.senderAddress,
    pollIntervalMs: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
    timeoutMs: options.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS,
    ...(options.teams === undefined ? {} : { teams: options.teams }),
  });

  if (outcome.kind === 'sent') {
    // If this write fails the lease runs out and the message is sent again under the same
    // operation id, which the service recognises: late, but never twice in the mailbox.
    const recorded = await updateWithEtag(container, candidate.id, candidate.id, (message) => markSent(message, clock.now()), { ...update, current: claimed });
    if (recorded.kind === 'failed') return stopOn(report, recorded.failure);
    report.sent.push(candidate.id);
    return 'continue';
  }

  const backoff = options.backoff ?? exponentialBackoff();
  const recorded = await updateWithEtag(
    container,
    candidate.id,
    candidate.id,
    (message) => recordFailure(message, clock.now(), outcome, { maxAttempts, backoff }),
    { ...update, current: claimed },
  );
  if (recorded.kind === 'failed') return stopOn(report, recorded.failure);
  if (recorded.kind !== 'updated') {
    report.skipped.push(candidate.id);
  } else if (recorded.document.status === 'failed') {
    report.failed.push({ id: candidate.id, ticketNumber: candidate.ticketNumber, error: outcome.error });
  } else {
    report.retrying.push({ id: candidate.id, ticketNumber: candidate.ticketNumber, nextAttemptAt: recorded.document.nextAttemptAt, error: outcome.error });
  }
  return 'continue';
}

export async function deliverDueMessages(options: DeliveryOptions): Promise<DeliveryReport> {
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
  const report: MutableReport = { sent: [], retrying: [], failed: [], skipped: [], unreadable: [] };
  // Oldest due first, so a backlog after an outage drains in the order it built up.
  const due = await queryDocuments(
    options.container,
    {
      query: `SELECT TOP ${batchSize} * FROM c WHERE c.status = @pending AND c.nextAttemptAt <= @now ORDER BY c.nextAttemptAt`,
      parameters: [
        { name: '@pending', value: 'pending' },
        { name: '@now', value: options.clock.now().toISOString() },
      ],
    },
    DueRowSchema,
    { maxItems: batchSize },
  );
  if (due.kind === 'failed') return { ...report, storeFailure: due.failure };
  report.unreadable.push(...due.skipped.map((row) => row.id ?? '(no id)'));

  for (const { _etag, ...message } of due.documents) {
    if ((await deliverOne(message, _etag, options, report)) === 'stop') break;
  }
  return report;
}
