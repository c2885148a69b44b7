/**
 * Lets the app read the host's clock: in virtual mode the host installs HOST_CLOCK_GLOBAL on the
 * app's global object, and the app's own clock (shared/clock.ts) follows it.
 */
import { HOST_CLOCK_GLOBAL, type HostClock, type HostClockGlobal } from './host-clock';
import { appGlobals } from '../host/native-runtime';

/** Installs the global and returns a function that removes it again. */
export function installAppClockGlobal(clock: HostClock): () => void {
  const appClock: HostClockGlobal = { now: () => clock.now() };
  const globals = appGlobals() as Array<Record<symbol, unknown>>;
  for (const target of globals) target[HOST_CLOCK_GLOBAL] = appClock;
  return () => {
    for (const target of globals) {
      if (target[HOST_CLOCK_GLOBAL] === appClock) delete target[HOST_CLOCK_GLOBAL];
    }
  };
}
