/**
 * When the vendor client tries again: which failures are transient, how long to wait (exponential
 * backoff with full jitter, or the server's Retry-After), and when to stop. Pure, so it is tested
 * without a network or a clock.
 */

export interface VendorRetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  /** Backoff ceiling of the first retry; doubles with each further retry. */
  readonly baseDelayMs: number;
  /** No computed backoff waits longer than this. */
  readonly maxDelayMs: number;
  /**
   * A Retry-After longer than this is not waited out in process: the client gives up and hands
   * the hint back, so a durable timer can wait instead of an activity.
   */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_VENDOR_RETRY_POLICY: VendorRetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
  maxRetryAfterMs: 30_000,
};

/** Throttling and the gateway family of "try again later" answers. */
export function isTransientStatus(status: number): boolean {
  return status === 429 || status === 502 || status === 503 || status === 504;
}

/** Retry-After in milliseconds, from delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** Full jitter: uniformly in [0, min(maxDelay, base · 2^(retry-1))], `retry` counting from 1. */
export function backoffDelayMs(retry: number, policy: VendorRetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

export type RetryDecision =
  | { readonly retry: true; readonly delayMs: number }
  | { readonly retry: false; readonly retryAfterMs?: number };

/** After failed attempt number `attempt` (from 1): wait and retry, or stop. */
export function decideRetry(
  attempt: number,
  retryAfterMs: number | undefined,
  policy: VendorRetryPolicy,
  random: () => number,
): RetryDecision {
  if (attempt >= policy.maxAttempts) return { retry: false, retryAfterMs };
  if (retryAfterMs !== undefined) {
    return retryAfterMs > policy.maxRetryAfterMs ? { retry: false, retryAfterMs } : { retry: true, delayMs: retryAfterMs };
  }
  return { retry: true, delayMs: backoffDelayMs(attempt, policy, random) };
}
