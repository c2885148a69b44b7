/**
 * What the staff session boundary adds to every console request, in process: the same page handler
 * called bare and behind `staffPageWith` (a GET opening the sealed cookie, a GET that also renews
 * it, a form post that also checks origin and CSRF token), interleaved so that drift on the machine
 * falls on all alike. Printed as time per request and as a ratio to the bare handler.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { HttpRequest, InvocationContext, type HttpResponseInit } from '@azure/functions';
import { fixedClock } from '../shared/clock';
import type { StaffPageHandler } from '../shared/web/staff/staff-session';
import { staffPageWith } from '../shared/web/staff/session/staff-page';
import { sealSession, startedSession, DEFAULT_SESSION_LIFETIMES } from '../shared/web/staff/session/staff-session-codec';

const ROUNDS = Number(process.env['BENCH_SESSION_ROUNDS'] ?? 2000);
const WARM_UP = 200;
const SITE = 'http://127.0.0.1:7071';
const KEY = new Uint8Array(randomBytes(32));
const SIGNED_IN = new Date('2026-12-07T09:00:00.000Z');

const page: StaffPageHandler = async () => ({ status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: '<p>ticket</p>' });
const bare = async (): Promise<HttpResponseInit> => page(new HttpRequest({ url: `${SITE}/staff`, method: 'GET' }), { principal: { id: 'x', name: 'X', email: 'x@css.example', roles: ['engineer'] }, csrfToken: 'c', expiresAt: '' });

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export async function run(): Promise<void> {
  const state = startedSession({ id: 'maria-garcia', name: 'María García', email: 'maria.garcia@css.example', roles: ['engineer'] }, SIGNED_IN);
  const cookie = `baton_staff_session=${await sealSession(state, KEY, DEFAULT_SESSION_LIFETIMES)}`;
  const context = new InvocationContext({ invocationId: 'bench', functionName: 'bench', logHandler: () => undefined });
  const behind = (minutesAfter: number) =>
    staffPageWith({ clock: fixedClock(new Date(SIGNED_IN.getTime() + minutesAfter * 60_000)), sessionKeys: async () => ({ kind: 'ready', keys: [KEY] }) })(page);
  const fresh = behind(1);
  const renewing = behind(20);
  const form = new URLSearchParams({ csrf: state.csrfToken, message: 'On it' }).toString();

  const cases: Record<string, () => Promise<unknown>> = {
    'bare page handler': bare,
    'GET behind the boundary': async () => fresh(new HttpRequest({ url: `${SITE}/staff`, method: 'GET', headers: { cookie } }), context),
    'GET that renews the session': async () => renewing(new HttpRequest({ url: `${SITE}/staff`, method: 'GET', headers: { cookie } }), context),
    'form post (origin + CSRF checked)': async () =>
      fresh(
        new HttpRequest({ url: `${SITE}/staff/x`, method: 'POST', headers: { cookie, origin: SITE, 'content-type': 'application/x-www-form-urlencoded' }, body: { string: form } }),
        context,
      ),
  };
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (let round = 0; round < WARM_UP + ROUNDS; round += 1) {
    for (const [name, call] of Object.entries(cases)) {
      const started = performance.now();
      await call();
      if (round >= WARM_UP) times[name]?.push(performance.now() - started);
    }
  }
  const bareMedian = median(times['bare page handler'] ?? []);
  const line = (label: string, value: string): string => `  ${label.padEnd(36)} ${value}`;
  console.log(
    [
      '',
      `Staff session boundary (${ROUNDS} requests of each kind, in process, interleaved; medians)`,
      ...Object.entries(times).map(([name, values]) => {
        const ms = median(values);
        return line(name, `${(ms * 1000).toFixed(0)} µs${name === 'bare page handler' ? '' : `  (${(ms / bareMedian).toFixed(1)}× the bare handler)`}`);
      }),
      line('machine', `${os.cpus().length} cores, load average ${os.loadavg()[0]?.toFixed(1) ?? '?'} at the end`),
      '',
    ].join('\n'),
  );
}
