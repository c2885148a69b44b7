/**
 * A clock that only moves when told to. Advancing steps through every scheduled instant up to the
 * target, in order; after each step it waits for the work that step caused to settle (the host
 * passes in what "settled" means), so a test can cross days of schedules in milliseconds and
 * still see every timer fire in the order real time would have fired them.
 */
import type { HostClock } from './host-clock';

interface ScheduledCall {
  readonly at: number;
  readonly sequence: number;
  readonly onDue: () => void;
}

export interface AdvanceResult {
  /** The clock reading once the advance has settled. */
  readonly now: number;
  /** How many scheduled calls fired during the advance. */
  readonly fired: number;
}

/** Waits until everything the last step caused has finished. */
export type SettleFunction = () => Promise<void>;

/** Lets anything queued with setImmediate (such as "due at once" calls) run before looking again. */
function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export class VirtualClock implements HostClock {
  readonly virtual = true;
  #now: number;
  #queue: ScheduledCall[] = [];
  #sequence = 0;
  #advancing: Promise<unknown> = Promise.resolve();
  #onError: (error: unknown) => void;
  readonly #changeListeners = new Set<(now: number) => void>();

  constructor(startAt: number, onError: (error: unknown) => void = () => undefined) {
    if (!Number.isFinite(startAt)) throw new RangeError('A virtual clock needs a finite start instant.');
    this.#now = startAt;
    this.#onError = onError;
  }

  now(): number {
    return this.#now;
  }

  /**
   * Tells `listener` each new reading as the clock moves, before anything due then fires (the
   * host forwards it to its worker processes); returns the unsubscribe.
   */
  onChange(listener: (now: number) => void): () => void {
    this.#changeListeners.add(listener);
    return () => this.#changeListeners.delete(listener);
  }

  schedule(at: number, onDue: () => void): () => void {
    const call: ScheduledCall = { at, sequence: (this.#sequence += 1), onDue };
    const index = this.#queue.findIndex((other) => other.at > at);
    if (index < 0) this.#queue.push(call);
    else this.#queue.splice(index, 0, call);
    // Already due: it fires at once (on the next turn, so the caller gets its cancel function first).
    if (at <= this.#now) setImmediate(() => this.#fireDue());
    return () => {
      this.#queue = this.#queue.filter((other) => other !== call);
    };
  }

  /** The earliest instant something is scheduled for, if anything is. */
  nextScheduledAt(): number | undefined {
    return this.#queue[0]?.at;
  }

  /** Advances by `ms` milliseconds. Concurrent advances run one after the other. */
  advanceBy(ms: number, settle: SettleFunction): Promise<AdvanceResult> {
    if (!Number.isFinite(ms) || ms < 0) return Promise.reject(new RangeError('Advance by a non-negative number of ms.'));
    return this.#serialise(() => this.#advanceTo(this.#now + ms, settle));
  }

  /** Advances to `target` (never backwards: a target in the past only settles). */
  advanceTo(target: number, settle: SettleFunction): Promise<AdvanceResult> {
    if (!Number.isFinite(target)) return Promise.reject(new RangeError('Advance to a finite instant.'));
    return this.#serialise(() => this.#advanceTo(Math.max(target, this.#now), settle));
  }

  #serialise<T>(step: () => Promise<T>): Promise<T> {
    const run = this.#advancing.then(step, step);
    this.#advancing = run.catch(() => undefined);
    return run;
  }

  async #advanceTo(target: number, settle: SettleFunction): Promise<AdvanceResult> {
    let fired = 0;
    fired += await this.#settleHere(settle);
    for (;;) {
      const next = this.#queue[0];
      if (!next || next.at > target) break;
      this.#moveTo(Math.max(this.#now, next.at));
      fired += await this.#settleHere(settle);
    }
    this.#moveTo(target);
    fired += await this.#settleHere(settle);
    return { now: this.#now, fired };
  }

  #moveTo(instant: number): void {
    if (instant === this.#now) return;
    this.#now = instant;
    for (const listener of this.#changeListeners) listener(instant);
  }

  /** Fires what is due now and settles, until nothing more is due at this instant. */
  async #settleHere(settle: SettleFunction): Promise<number> {
    let fired = 0;
    for (;;) {
      fired += this.#fireDue();
      await nextMacrotask();
      await settle();
      if (!this.#queue[0] || this.#queue[0].at > this.#now) return fired;
    }
  }

  #fireDue(): number {
    let fired = 0;
    while (this.#queue[0] && this.#queue[0].at <= this.#now) {
      const call = this.#queue.shift();
      if (!call) break;
      fired += 1;
      try {
        call.onDue();
      } catch (error) {
        this.#onError(error);
      }
    }
    return fired;
  }
}
