/**
 * Durable timers armed on the host clock. Each timer belongs to one execution of one instance and
 * can be disarmed (cancelled by the orchestrator, or the execution ended). A timer that is due but
 * whose callback has not run yet counts as pending work.
 */
import type { HostClock } from '../../clock/host-clock';

export interface TimerKey {
  readonly instanceId: string;
  readonly executionId: string;
  readonly timerId: number;
}

interface ArmedTimer extends TimerKey {
  readonly fireAt: number;
  cancel?: () => void;
}

const keyOf = (key: TimerKey): string => `${key.instanceId}\u0000${key.executionId}\u0000${key.timerId}`;

export class DurableTimers {
  readonly #armed = new Map<string, ArmedTimer>();

  constructor(
    private readonly clock: HostClock,
    private readonly onFire: (key: TimerKey, fireAt: number) => void,
  ) {}

  arm(key: TimerKey, fireAt: number): void {
    const id = keyOf(key);
    if (this.#armed.has(id)) return;
    const entry: ArmedTimer = { ...key, fireAt };
    this.#armed.set(id, entry);
    // The clock may call back at once (the time has come already), even before this returns.
    entry.cancel = this.clock.schedule(fireAt, () => {
      if (this.#armed.get(id) !== entry) return;
      this.#armed.delete(id);
      this.onFire(key, fireAt);
    });
  }

  disarm(key: TimerKey): void {
    const id = keyOf(key);
    const armed = this.#armed.get(id);
    if (!armed) return;
    this.#armed.delete(id);
    armed.cancel?.();
  }

  /** Disarms every timer of one execution (it ended, or the instance was purged). */
  disarmExecution(instanceId: string, executionId: string): void {
    for (const armed of [...this.#armed.values()]) {
      if (armed.instanceId === instanceId && armed.executionId === executionId) this.disarm(armed);
    }
  }

  get count(): number {
    return this.#armed.size;
  }

  /** Whether a timer is due at the current reading but has not fired yet. */
  hasDue(): boolean {
    const now = this.clock.now();
    for (const armed of this.#armed.values()) if (armed.fireAt <= now) return true;
    return false;
  }

  disarmAll(): void {
    for (const armed of [...this.#armed.values()]) this.disarm(armed);
  }
}
