/**
 * How long to wait before the next delivery attempt: exponential in the number of attempts made,
 * capped, with jitter so messages that failed together during an outage do not retry together.
 */

/** Milliseconds to wait after `attempts` failed attempts (1 after the first failure). */
export type Backoff = (attempts: number) => number;

export interface ExponentialBackoffOptions {
  readonly baseMs?: number;
  readonly maxMs?: number;
  /** A number in [0, 1); tests pin it. */
  readonly random?: () => number;
}

export const DEFAULT_BACKOFF_BASE_MS = 30_000;
export const DEFAULT_BACKOFF_MAX_MS = 60 * 60_000;

/**
 * "Equal jitter": half of the exponential step is fixed, half is random. The fixed half keeps a
 * floor under the delay (no instant retry storms), the random half spreads the herd.
 */
export function exponentialBackoff(options: ExponentialBackoffOptions = {}): Backoff {
  const baseMs = options.baseMs ?? DEFAULT_BACKOFF_BASE_MS;
  const maxMs = options.maxMs ?? DEFAULT_BACKOFF_MAX_MS;
  const random = options.random ?? Math.random;
  return (attempts) => {
    const exponent = Math.max(0, Math.min(attempts - 1, 40));
    const step = Math.min(maxMs, baseMs * 2 ** exponent);
    const jitter = Math.min(Math.max(random(), 0), 1);
    return Math.round(step / 2 + (step / 2) * jitter);
  };
}
