/**
 * The local host's notion of time. Real time by default; in test mode a virtual clock that only
 * moves when told to, so a test can cross a four-hour SLA in milliseconds. Durable timers, timer
 * triggers and the app's own clock all read this one source.
 */
export interface HostClock {
  readonly virtual: boolean;
  /** Milliseconds since the epoch, as the host sees it. */
  now(): number;
  /** Calls `onDue` once, when the clock reaches `at` (at once if it already has). Returns a cancel function. */
  schedule(at: number, onDue: () => void): () => void;
}

/**
 * The well-known global through which an app running in the local host can read the host's clock.
 * Apps read it when present and fall back to the system clock (in Azure it is never present).
 */
export const HOST_CLOCK_GLOBAL = Symbol.for('azure-functions-local.clock');

export interface HostClockGlobal {
  now(): number;
}
