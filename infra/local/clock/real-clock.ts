/**
 * The host clock in normal use: the system clock, with schedules on Node timers. Timers are
 * unreferenced so a pending schedule never keeps a process alive on its own.
 */
import type { HostClock } from './host-clock';

/** Node timers overflow past about 24.8 days; longer waits are taken in hops. */
const LONGEST_TIMER_MS = 2_147_483_647;

export function createRealClock(): HostClock {
  return {
    virtual: false,
    now: () => Date.now(),
    schedule(at, onDue) {
      let timer: NodeJS.Timeout | undefined;
      let cancelled = false;
      const arm = (): void => {
        const wait = Math.max(0, at - Date.now());
        timer = setTimeout(
          () => {
            if (cancelled) return;
            if (Date.now() < at) arm();
            else onDue();
          },
          Math.min(wait, LONGEST_TIMER_MS),
        );
        timer.unref();
      };
      arm();
      return () => {
        cancelled = true;
        if (timer) clearTimeout(timer);
      };
    },
  };
}
