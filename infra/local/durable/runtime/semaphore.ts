/**
 * Limits how many async sections run at once. The orchestrator-function limit applies to the
 * invocations themselves; saving an episode does not hold a slot, so slow storage round trips
 * overlap instead of starving the orchestrators.
 */
export class Semaphore {
  #available: number;
  readonly #waiting: (() => void)[] = [];

  constructor(limit: number) {
    this.#available = Math.max(1, limit);
  }

  get queued(): number {
    return this.#waiting.length;
  }

  async run<T>(section: () => Promise<T>): Promise<T> {
    if (this.#available > 0) this.#available -= 1;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await section();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#available += 1;
    }
  }
}
