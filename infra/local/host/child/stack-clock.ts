/**
 * The local stack's clock, on the stack's side of the process boundary. In virtual mode the host
 * child owns one virtual clock and the stand-ins in the stack process (scripted vendor answers,
 * callback signatures, token times, mailbox stamps) another; advancing steps both through every
 * instant either one is waiting for, in order, so neither can run ahead of the other. Virtual time survives a host restart because the
 * stack starts the new host at its own reading.
 */
import { z } from 'zod';
import { InvocationRecordSchema, type InvocationRecord } from '../../clock/advance-report';
import type { HostClock } from '../../clock/host-clock';
import { createRealClock } from '../../clock/real-clock';
import { VirtualClock } from '../../clock/virtual-clock';

export interface HostClockReading {
  readonly nowMs: number;
  readonly nextScheduledAt: string | null;
}

/** What one host advance set off (see the host's `POST /admin/clock/advance`). */
export const HostAdvanceAnswerSchema = z.object({
  fired: z.number().int().nonnegative(),
  invocations: z.array(InvocationRecordSchema),
});
export type HostAdvanceAnswer = z.infer<typeof HostAdvanceAnswerSchema>;

/** The host's admin clock API, as the stack reaches it over HTTP. */
export interface HostClockClient {
  read(): Promise<HostClockReading>;
  advanceTo(instant: number): Promise<HostAdvanceAnswer>;
}

/** A settled stack advance: the reading, and what fired on either side of the process boundary. */
export interface StackAdvance {
  /** The reading when this advance began (after any advance before it had settled). */
  readonly from: number;
  readonly now: number;
  readonly fired: number;
  readonly invocations: readonly InvocationRecord[];
}

export function createHostClockClient(baseUrl: () => string, masterKey: string | undefined): HostClockClient {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(masterKey ? { 'x-functions-key': masterKey } : {}) };
  const expectOk = async (response: Response): Promise<unknown> => {
    if (!response.ok) throw new Error(`The host's clock API answered ${response.status}: ${await response.text()}`);
    return response.json();
  };
  return {
    read: async () => (await expectOk(await fetch(`${baseUrl()}/admin/clock`, { headers }))) as HostClockReading,
    advanceTo: async (instant) =>
      HostAdvanceAnswerSchema.parse(
        await expectOk(
          await fetch(`${baseUrl()}/admin/clock/advance`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ to: new Date(instant).toISOString() }),
          }),
        ),
      ),
  };
}

export class StackClock {
  /** The clock the stack's own services use (same shape as the host's). */
  readonly local: HostClock;
  #advancing: Promise<unknown> = Promise.resolve();

  constructor(virtualStart: number | undefined) {
    this.local = virtualStart === undefined ? createRealClock() : new VirtualClock(virtualStart);
  }

  get virtual(): boolean {
    return this.local.virtual;
  }

  now(): number {
    return this.local.now();
  }

  /**
   * Moves both clocks to `target`, stopping at every instant either waits for. `host` is absent
   * while the host is down (then only the stack's services move); `settleServices` waits for the
   * stack's services to finish what a step started. A function target is worked out from the
   * reading once the advances before this one have settled ("3 hours from now" means from then).
   */
  advanceTo(
    target: number | ((now: number) => number),
    host: HostClockClient | undefined,
    settleServices: () => Promise<void>,
  ): Promise<StackAdvance> {
    const local = this.local;
    if (!(local instanceof VirtualClock)) {
      return Promise.reject(new Error('The stack runs on the real clock; start it with a virtual clock to advance time.'));
    }
    const run = this.#advancing.then(async () => {
      const from = local.now();
      const to = typeof target === 'number' ? target : target(from);
      let fired = 0;
      const invocations: InvocationRecord[] = [];
      const advanceHost = async (instant: number): Promise<void> => {
        if (!host) return;
        const answer = await host.advanceTo(instant);
        fired += answer.fired;
        invocations.push(...answer.invocations);
      };
      const settle = async (): Promise<void> => {
        await settleServices();
        await advanceHost(local.now());
      };
      for (;;) {
        const hostNext = host ? (await host.read()).nextScheduledAt : null;
        const candidates = [to, local.nextScheduledAt(), hostNext === null ? undefined : Date.parse(hostNext)];
        const next = Math.max(local.now(), Math.min(...candidates.filter((at): at is number => at !== undefined)));
        // The host moves first, so that services acting at `next` find it there; then the services'
        // own calls due at `next` fire, and the host settles whatever they caused.
        await advanceHost(next);
        fired += (await local.advanceTo(next, settle)).fired;
        if (next >= to) break;
      }
      return { from, now: local.now(), fired, invocations };
    });
    this.#advancing = run.catch(() => undefined);
    return run;
  }
}
