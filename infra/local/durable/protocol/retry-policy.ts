/**
 * The retry schedule the Durable extension applies to `callActivityWithRetry` and
 * `callSubOrchestratorWithRetry` (DurableTask.Core's RetryInterceptor): after each failed attempt a
 * durable timer, first interval × coefficient^(attempt − 1), capped by the max interval, unless the
 * retry timeout (measured from the first attempt) has passed.
 */
import type { RetryOptions } from './orchestrator-state';

export interface RetryState {
  /** 1-based number of the attempt that just failed. */
  readonly failedAttempt: number;
  /** When the first attempt was scheduled (ms). */
  readonly firstAttemptAt: number;
  /** The orchestration's current time (ms). */
  readonly now: number;
}

/**
 * Delay before the next attempt, or `undefined` when the interceptor gives up without a timer
 * (the retry timeout has passed). Note that, as in the extension, a delay is returned even after
 * the last allowed attempt: the library waits for that timer before surfacing the failure.
 */
export function retryDelay(options: RetryOptions, state: RetryState): number | undefined {
  const timeout = options.retryTimeoutInMilliseconds;
  if (timeout !== undefined && state.now >= state.firstAttemptAt + timeout) return undefined;
  const coefficient = options.backoffCoefficient ?? 1;
  const delay = options.firstRetryIntervalInMilliseconds * coefficient ** (state.failedAttempt - 1);
  const cap = options.maxRetryIntervalInMilliseconds;
  return cap !== undefined && delay >= cap ? cap : delay;
}

/** Whether another attempt follows once the delay timer of `failedAttempt` fires. */
export function hasAttemptAfter(options: RetryOptions, failedAttempt: number): boolean {
  return failedAttempt < options.maxNumberOfAttempts;
}
