import { VirtualClock } from '../../../infra/local/clock/virtual-clock';
import { createRealClock } from '../../../infra/local/clock/real-clock';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const settled = (): Promise<void> => Promise.resolve();

describe('virtual clock', () => {
  it('stands still until advanced', () => {
    const clock = new VirtualClock(T0);
    expect(clock.virtual).toBe(true);
    expect(clock.now()).toBe(T0);
  });

  it('steps through every scheduled instant in order, reading the right time at each', async () => {
    const clock = new VirtualClock(T0);
    const seen: Array<[string, number]> = [];
    clock.schedule(T0 + 3_000, () => seen.push(['c', clock.now()]));
    clock.schedule(T0 + 1_000, () => seen.push(['a', clock.now()]));
    clock.schedule(T0 + 2_000, () => seen.push(['b', clock.now()]));
    clock.schedule(T0 + 9_000, () => seen.push(['late', clock.now()]));
    const result = await clock.advanceBy(5_000, settled);
    expect(seen).toEqual([
      ['a', T0 + 1_000],
      ['b', T0 + 2_000],
      ['c', T0 + 3_000],
    ]);
    expect(result).toEqual({ now: T0 + 5_000, fired: 3 });
    expect(clock.nextScheduledAt()).toBe(T0 + 9_000);
  });

  it('waits for the work a step caused before stepping on, and fires what that work scheduled in time', async () => {
    const clock = new VirtualClock(T0);
    const seen: string[] = [];
    let pending: Promise<void> = Promise.resolve();
    clock.schedule(T0 + 1_000, () => {
      // Work that takes real time and then schedules a follow-up inside the advanced window.
      pending = new Promise<void>((resolve) => setTimeout(resolve, 20)).then(() => {
        seen.push(`work done at ${clock.now() - T0}`);
        clock.schedule(clock.now() + 500, () => seen.push(`follow-up at ${clock.now() - T0}`));
      });
    });
    clock.schedule(T0 + 2_000, () => seen.push(`second at ${clock.now() - T0}`));
    await clock.advanceBy(3_000, () => pending);
    expect(seen).toEqual(['work done at 1000', 'follow-up at 1500', 'second at 2000']);
  });

  it('fires at once what is scheduled for a past instant, and never what was cancelled', async () => {
    const clock = new VirtualClock(T0);
    const seen: string[] = [];
    clock.schedule(T0 - 1, () => seen.push('overdue'));
    const cancel = clock.schedule(T0 + 10, () => seen.push('cancelled'));
    cancel();
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual(['overdue']);
    await clock.advanceBy(100, settled);
    expect(seen).toEqual(['overdue']);
  });

  it('runs concurrent advances one after the other and never goes backwards', async () => {
    const clock = new VirtualClock(T0);
    const [first, second] = await Promise.all([clock.advanceBy(1_000, settled), clock.advanceTo(T0 - 5_000, settled)]);
    expect(first.now).toBe(T0 + 1_000);
    expect(second.now).toBe(T0 + 1_000);
    await expect(clock.advanceBy(-1, settled)).rejects.toThrow(RangeError);
  });
});

describe('real clock', () => {
  it('reads the system time and calls a schedule once it is due', async () => {
    const clock = createRealClock();
    expect(clock.virtual).toBe(false);
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(1_000);
    let keepAlive: NodeJS.Timeout | undefined;
    const fired = await new Promise<boolean>((resolve) => {
      clock.schedule(clock.now() + 5, () => resolve(true));
      // The schedule's own timer is unreferenced; this one keeps the test alive until it fires.
      keepAlive = setTimeout(() => resolve(false), 5_000);
    });
    clearTimeout(keepAlive);
    expect(fired).toBe(true);
  });
});
