/**
 * Drives the app's timer triggers on the host clock: each timer fires at its scheduled instants
 * (one invocation at a time, as the Functions host runs a timer), fires once at start-up when an
 * occurrence was missed (`isPastDue`) or `runOnStartup` is set, and hands the function the timer
 * object the real trigger sends (`Schedule`, `ScheduleStatus`, `IsPastDue`).
 */
import type { HostClock } from '../../clock/host-clock';
import type { RegisteredFunction } from '../extension-contract';
import type { HostInvoker } from '../function-invoker';
import type { ActivityTracker } from '../activity-tracker';
import type { HostLogger } from '../host-log';
import { resolveSettingReferences } from '../app-settings';
import { errorText } from '../error-text';
import { monitorsSchedule, parseTimerSchedule, type TimerSchedule } from './timer-schedule';
import { NEVER, type ScheduleMonitor, type ScheduleStatus } from './schedule-monitor';

export interface TimerTriggersOptions {
  readonly functions: readonly RegisteredFunction[];
  readonly clock: HostClock;
  readonly invoker: HostInvoker;
  readonly activity: ActivityTracker;
  readonly monitor: ScheduleMonitor;
  readonly settings: Readonly<Record<string, string | undefined>>;
  readonly logger: HostLogger;
}

interface TimerFunction {
  readonly name: string;
  readonly schedule: TimerSchedule;
  readonly runOnStartup: boolean;
  readonly monitored: boolean;
  nextAt: number | undefined;
  cancel: (() => void) | undefined;
}

export interface TimerDescription {
  readonly name: string;
  readonly schedule: string;
  readonly next: string | undefined;
}

/** The timer object as the Functions host serialises it for the worker. */
interface TimerInfo {
  readonly Schedule: { readonly AdjustForDST: boolean };
  readonly ScheduleStatus: { readonly Last: string; readonly Next: string; readonly LastUpdated: string } | null;
  readonly IsPastDue: boolean;
}

const iso = (ms: number): string => new Date(ms).toISOString();

export class TimerTriggers {
  readonly #timers: TimerFunction[] = [];
  #stopped = false;

  /** Parses every timer's schedule; an invalid one stops the host from starting. */
  constructor(private readonly options: TimerTriggersOptions) {
    const now = options.clock.now();
    for (const fn of options.functions) {
      if (fn.triggerType.toLowerCase() !== 'timertrigger') continue;
      const trigger = Object.values(fn.bindings).find((binding) => binding.type.toLowerCase() === 'timertrigger');
      if (typeof trigger?.schedule !== 'string') throw new Error(`Timer function "${fn.name}" has no schedule.`);
      const schedule = parseTimerSchedule(
        resolveSettingReferences(trigger.schedule, options.settings),
        options.settings.WEBSITE_TIME_ZONE,
      );
      this.#timers.push({
        name: fn.name,
        schedule,
        runOnStartup: trigger.runOnStartup === true,
        monitored: monitorsSchedule(schedule, trigger.useMonitor, now),
        nextAt: undefined,
        cancel: undefined,
      });
    }
  }

  get timers(): readonly TimerDescription[] {
    return this.#timers.map((timer) => ({
      name: timer.name,
      schedule: timer.schedule.expression,
      next: timer.nextAt === undefined ? undefined : iso(timer.nextAt),
    }));
  }

  has(functionName: string): boolean {
    return this.#find(functionName) !== undefined;
  }

  /** Checks for missed occurrences, runs start-up invocations and arms every timer. */
  start(): void {
    for (const timer of this.#timers) {
      const now = this.options.clock.now();
      let status = timer.monitored ? this.options.monitor.read(timer.name) : undefined;
      const pastDue = status !== undefined && Date.parse(status.next) < now;
      if (timer.monitored && !status) {
        status = { last: NEVER, next: iso(timer.schedule.nextAfter(now) ?? now), lastUpdated: iso(now) };
        this.options.monitor.write(timer.name, status);
      }
      void this.options.activity.track(async () => {
        if (pastDue || timer.runOnStartup) await this.#fire(timer, pastDue);
        // A missed occurrence counts as run once caught up; a runOnStartup extra does not.
        if (pastDue) this.#record(timer, now);
        this.#arm(timer, timer.schedule.nextAfter(Math.max(now, this.options.clock.now())));
      });
    }
  }

  stop(): void {
    this.#stopped = true;
    for (const timer of this.#timers) timer.cancel?.();
  }

  /** Invokes a timer function now, as the admin API does: not past due, schedule untouched. */
  async invokeByHand(functionName: string): Promise<void> {
    const timer = this.#find(functionName);
    if (!timer) throw new Error(`"${functionName}" is not a timer function.`);
    await this.options.invoker.invokeRpc(timer.name, { triggerData: this.#timerData(timer, false) });
  }

  #find(functionName: string): TimerFunction | undefined {
    return this.#timers.find((timer) => timer.name.toLowerCase() === functionName.toLowerCase());
  }

  #arm(timer: TimerFunction, at: number | undefined): void {
    timer.nextAt = at;
    if (at === undefined || this.#stopped) return;
    timer.cancel = this.options.clock.schedule(at, () => {
      // The next occurrence is armed only once this one has finished: a timer never overlaps itself.
      void this.options.activity.track(async () => {
        await this.#fire(timer, false);
        this.#record(timer, at);
        this.#arm(timer, timer.schedule.nextAfter(Math.max(at, this.options.clock.now())));
      });
    });
  }

  #timerData(timer: TimerFunction, isPastDue: boolean): { json: string } {
    const status = timer.monitored ? this.options.monitor.read(timer.name) : undefined;
    const info: TimerInfo = {
      Schedule: { AdjustForDST: true },
      ScheduleStatus: status ? { Last: status.last, Next: status.next, LastUpdated: status.lastUpdated } : null,
      IsPastDue: isPastDue,
    };
    return { json: JSON.stringify(info) };
  }

  async #fire(timer: TimerFunction, isPastDue: boolean): Promise<void> {
    if (this.#stopped) return;
    try {
      await this.options.invoker.invokeRpc(timer.name, { triggerData: this.#timerData(timer, isPastDue) });
    } catch (error) {
      // Like Azure, a failed timer is not retried; it runs again at its next occurrence.
      this.options.logger.log('error', `Timer function "${timer.name}" failed: ${errorText(error)}`);
    }
  }

  /** Stores the status the next invocation will see: this occurrence as `Last`, the next as `Next`. */
  #record(timer: TimerFunction, occurredAt: number): void {
    if (!timer.monitored || this.#stopped) return;
    const now = this.options.clock.now();
    const status: ScheduleStatus = {
      last: iso(occurredAt),
      next: iso(timer.schedule.nextAfter(Math.max(occurredAt, now)) ?? now),
      lastUpdated: iso(now),
    };
    this.options.monitor.write(timer.name, status);
  }
}
