/**
 * Knows whether the emulator has anything it could still do at the current clock reading: work in
 * flight (tracked promises) or waiting (probes: queued episodes, due timers, unsaved writes).
 * `whenIdle` resolves once both are empty, which a virtual clock waits for between steps.
 */
export type BusyProbe = () => boolean;

export class WorkTracker {
  #inFlight = 0;
  readonly #probes: BusyProbe[] = [];
  #waiters: (() => void)[] = [];
  #checkScheduled = false;

  addProbe(probe: BusyProbe): void {
    this.#probes.push(probe);
  }

  /** Counts `work` as in flight until it settles (its result is passed through). */
  track<T>(work: Promise<T>): Promise<T> {
    this.#inFlight += 1;
    return work.finally(() => {
      this.#inFlight -= 1;
      this.notify();
    });
  }

  get idle(): boolean {
    return this.#inFlight === 0 && !this.#probes.some((probe) => probe());
  }

  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      this.#waiters.push(resolve);
      this.notify();
    });
  }

  /** Re-examines idleness; call after anything that may have been the last piece of work. */
  notify(): void {
    if (this.#waiters.length === 0 || this.#checkScheduled) return;
    this.#checkScheduled = true;
    // Look again after pending callbacks ran: settling work often starts the next piece.
    setImmediate(() => {
      this.#checkScheduled = false;
      if (!this.idle) return;
      const waiters = this.#waiters;
      this.#waiters = [];
      waiters.forEach((resolve) => resolve());
    });
  }
}
