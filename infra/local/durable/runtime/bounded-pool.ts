/**
 * Runs jobs with at most `limit` at a time (the extension's maxConcurrentActivityFunctions and
 * maxConcurrentOrchestratorFunctions); waiting and running jobs count as pending work.
 */
import type { WorkTracker } from './work-tracker';

export class BoundedPool {
  #running = 0;
  #waiting: (() => Promise<void>)[] = [];

  constructor(
    private readonly limit: number,
    private readonly tracker: WorkTracker,
  ) {
    tracker.addProbe(() => this.#waiting.length > 0);
  }

  get running(): number {
    return this.#running;
  }

  submit(job: () => Promise<void>): void {
    this.#waiting.push(job);
    this.#pump();
  }

  /** Drops jobs not yet started (the emulator is stopping). */
  clear(): void {
    this.#waiting = [];
  }

  #pump(): void {
    while (this.#running < this.limit && this.#waiting.length > 0) {
      const job = this.#waiting.shift();
      if (!job) break;
      this.#running += 1;
      const run = job()
        .catch(() => undefined)
        .finally(() => {
          this.#running -= 1;
          // Start the next job before this one stops counting as work.
          this.#pump();
        });
      void this.tracker.track(run);
    }
  }
}
