/**
 * Counts the work in flight in the host (invocations, HTTP requests, timer firings) so that a
 * virtual clock step can wait until everything it caused has finished.
 */
export class ActivityTracker {
  #inFlight = 0;
  #waiters: Array<() => void> = [];

  get inFlight(): number {
    return this.#inFlight;
  }

  /** Runs `work` and counts it until it settles. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.#inFlight += 1;
    try {
      return await work();
    } finally {
      this.#inFlight -= 1;
      if (this.#inFlight === 0) this.#wake();
    }
  }

  /** Resolves as soon as nothing is in flight (at once if nothing is). */
  whenIdle(): Promise<void> {
    if (this.#inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  #wake(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }
}
