/**
 * The app's clock. In Azure it is the system clock; inside the local host it follows the host's
 * clock (which a test may run virtually), so SLA arithmetic and durable timers agree.
 */
export interface Clock {
  now(): Date;
}

const HOST_CLOCK_GLOBAL = Symbol.for('azure-functions-local.clock');

interface HostClockGlobal {
  now(): number;
}

function hostClock(): HostClockGlobal | undefined {
  const candidate: unknown = (globalThis as Record<symbol, unknown>)[HOST_CLOCK_GLOBAL];
  if (candidate && typeof (candidate as HostClockGlobal).now === 'function') {
    return candidate as HostClockGlobal;
  }
  return undefined;
}

export const systemClock: Clock = {
  now: () => new Date(hostClock()?.now() ?? Date.now()),
};

export function fixedClock(at: Date): Clock {
  return { now: () => new Date(at.getTime()) };
}
