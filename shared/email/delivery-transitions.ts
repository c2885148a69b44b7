/**
 * The outbox message's delivery steps as pure decisions on its current state, for
 * `updateWithEtag`: claim it for one send, record the send, or record the failure and schedule the
 * next attempt. Guarded by ETag, two deliverers can never both claim the same attempt.
 */
import { noChange, rejectWith, replaceWith, type Mutation } from '../store/update-with-etag';
import type { Backoff } from './backoff';
import type { OutboxMessage } from './outbox-message';

/** Why a deliverer must leave a message alone: someone else sent it, or holds it, or it is not due. */
export type ClaimRefusal = 'not-pending' | 'not-due';

const MAX_ERROR_LENGTH = 500;

function later(now: Date, ms: number): string {
  return new Date(now.getTime() + Math.max(0, ms)).toISOString();
}

function trimmed(error: string): string {
  return error.length > MAX_ERROR_LENGTH ? `${error.slice(0, MAX_ERROR_LENGTH - 1)}…` : error;
}

/**
 * Takes the message for one send attempt: counts the attempt and pushes `nextAttemptAt` a lease
 * into the future, so other deliverers skip it until this one reports back or dies. A message
 * whose attempts are used up (its last deliverer died mid-send) is marked failed instead.
 */
export function claimForDelivery(
  message: OutboxMessage,
  now: Date,
  policy: { readonly leaseMs: number; readonly maxAttempts: number },
): Mutation<OutboxMessage, ClaimRefusal> {
  if (message.status !== 'pending') return rejectWith('not-pending');
  if (Date.parse(message.nextAttemptAt) > now.getTime()) return rejectWith('not-due');
  if (message.attempts >= policy.maxAttempts) {
    return replaceWith({
      ...message,
      status: 'failed',
      lastError: message.lastError ?? `gave up after ${message.attempts} attempts`,
    });
  }
  return replaceWith({ ...message, attempts: message.attempts + 1, nextAttemptAt: later(now, policy.leaseMs) });
}

/** The service accepted the message. Already sent (by a deliverer whose lease we outlived): nothing to do. */
export function markSent(message: OutboxMessage, now: Date): Mutation<OutboxMessage, never> {
  if (message.status === 'sent') return noChange();
  const { lastError: _previousError, ...rest } = message;
  return replaceWith({ ...rest, status: 'sent', sentAt: now.toISOString() });
}

export interface FailurePolicy {
  readonly maxAttempts: number;
  readonly backoff: Backoff;
}

/**
 * Records a failed attempt: retried after a backoff while attempts remain and the failure may pass,
 * otherwise kept as `failed` with the reason, for an operator to see (never deleted).
 */
export function recordFailure(
  message: OutboxMessage,
  now: Date,
  failure: { readonly error: string; readonly permanent: boolean },
  policy: FailurePolicy,
): Mutation<OutboxMessage, never> {
  if (message.status !== 'pending') return noChange();
  const lastError = trimmed(failure.error);
  if (failure.permanent || message.attempts >= policy.maxAttempts) {
    return replaceWith({ ...message, status: 'failed', lastError });
  }
  return replaceWith({ ...message, lastError, nextAttemptAt: later(now, policy.backoff(message.attempts)) });
}
