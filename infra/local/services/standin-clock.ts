/**
 * The time source a stand-in uses for scripted delays. Real time by default; the local stack can
 * pass its host clock (same shape) so scripted vendor answers follow a virtual clock in tests.
 */
import type { HostClock } from '../clock/host-clock';

export type StandInClock = Pick<HostClock, 'now' | 'schedule'>;

/** Wall-clock time with `setTimeout`; timers are unref'd so a forgotten one never holds a process open. */
export const realTimeClock: StandInClock = {
  now: () => Date.now(),
  schedule(at, onDue) {
    const timer = setTimeout(onDue, Math.max(0, at - Date.now()));
    timer.unref();
    return () => clearTimeout(timer);
  },
};
