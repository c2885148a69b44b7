import { VirtualClock } from '../../../infra/local/clock/virtual-clock';
import { StackClock, type HostClockClient } from '../../../infra/local/host/child/stack-clock';

const T0 = Date.parse('2026-03-02T09:00:00Z');

/** A host stand-in whose clock is an in-memory virtual clock, reached as the stack reaches the real one. */
function fakeHost(clock: VirtualClock): HostClockClient {
  return {
    read: async () => {
      const next = clock.nextScheduledAt();
      return { nowMs: clock.now(), nextScheduledAt: next === undefined ? null : new Date(next).toISOString() };
    },
    advanceTo: async (instant) => ({ fired: (await clock.advanceTo(instant, () => Promise.resolve())).fired, invocations: [] }),
  };
}

describe('stack clock', () => {
  it('interleaves the host instants with the stack services instants, in time order', async () => {
    const stack = new StackClock(T0);
    const hostClock = new VirtualClock(T0);
    const seen: string[] = [];
    const at = (clock: { now(): number }, label: string) => () => seen.push(`${label}@${(clock.now() - T0) / 1000}`);
    hostClock.schedule(T0 + 2_000, at(hostClock, 'host'));
    hostClock.schedule(T0 + 4_000, at(hostClock, 'host'));
    stack.local.schedule(T0 + 1_000, at(stack.local, 'vendor'));
    stack.local.schedule(T0 + 3_000, () => {
      at(stack.local, 'vendor')();
      // A service reacting by scheduling more host work shortly after.
      hostClock.schedule(hostClock.now() + 500, at(hostClock, 'host-reaction'));
    });
    const { now, fired } = await stack.advanceTo(T0 + 5_000, fakeHost(hostClock), () => Promise.resolve());
    expect(now).toBe(T0 + 5_000);
    expect(fired).toBe(5);
    expect(hostClock.now()).toBe(T0 + 5_000);
    expect(seen).toEqual(['vendor@1', 'host@2', 'vendor@3', 'host-reaction@3.5', 'host@4']);
  });

  it('moves only its own clock while the host is down', async () => {
    const stack = new StackClock(T0);
    const { now } = await stack.advanceTo(T0 + 60_000, undefined, () => Promise.resolve());
    expect(now).toBe(T0 + 60_000);
    expect(stack.now()).toBe(T0 + 60_000);
  });

  it('refuses to advance real time', async () => {
    const stack = new StackClock(undefined);
    await expect(stack.advanceTo(Date.now() + 1, undefined, () => Promise.resolve())).rejects.toThrow('real clock');
  });
});
