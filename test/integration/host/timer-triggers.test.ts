import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFunctionHost, type RunningFunctionHost } from '../../../infra/local/host/function-host';
import { createHostLogger } from '../../../infra/local/host/host-log';
import { ensureCompiled, FIXTURE_APP } from './support/compiled-output';

interface Firing {
  functionName: string;
  firedAt: string;
  timer: {
    isPastDue: boolean;
    schedule: { adjustForDST: boolean };
    scheduleStatus: { last: string; next: string; lastUpdated: string } | null;
  };
}

const START = Date.parse('2026-03-02T08:58:30.000Z');
const quiet = createHostLogger({ level: 'error', write: () => undefined });
/** The fixture keeps its firings in memory, which every worker process has its own of (as in Azure): one worker reads them all. */
const ONE_WORKER = { FUNCTIONS_WORKER_PROCESS_COUNT: '1' };
let stateDirectory: string;
const running: RunningFunctionHost[] = [];

async function startHost(startAt: number): Promise<RunningFunctionHost> {
  const host = await startFunctionHost({
    appDirectory: FIXTURE_APP,
    port: 0,
    clock: { mode: 'virtual', startAt },
    stateDirectory,
    settings: ONE_WORKER,
    logger: quiet,
  });
  running.push(host);
  return host;
}

async function stopAll(): Promise<void> {
  for (const host of running.splice(0)) await host.stop();
}

async function firings(host: RunningFunctionHost, functionName: string): Promise<Firing[]> {
  const response = await fetch(`${host.url}/api/timer-firings`);
  const all = (await response.json()) as Firing[];
  return all.filter((firing) => firing.functionName === functionName);
}

beforeAll(() => ensureCompiled(), 180_000);

beforeEach(() => {
  stateDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'host-timers-'));
});

afterEach(async () => {
  await stopAll();
  fs.rmSync(stateDirectory, { recursive: true, force: true });
});

describe('timer triggers on a virtual clock', () => {
  it('fires at each scheduled virtual instant, in order, with the schedule status the host keeps', async () => {
    const host = await startHost(START);
    const result = await host.advanceClock({ ms: 11 * 60_000 });
    expect(new Date(result.now).toISOString()).toBe('2026-03-02T09:09:30.000Z');

    const fired = await firings(host, 'everyFiveMinutes');
    expect(fired.map((firing) => firing.firedAt)).toEqual(['2026-03-02T09:00:00.000Z', '2026-03-02T09:05:00.000Z']);
    expect(fired.map((firing) => firing.timer.isPastDue)).toEqual([false, false]);
    expect(fired[0]?.timer.scheduleStatus).toMatchObject({ last: '0001-01-01T00:00:00', next: '2026-03-02T09:00:00.000Z' });
    expect(fired[1]?.timer.scheduleStatus).toMatchObject({
      last: '2026-03-02T09:00:00.000Z',
      next: '2026-03-02T09:05:00.000Z',
    });
    expect(fired[0]?.timer.schedule).toEqual({ adjustForDST: true });
  });

  it('runs a runOnStartup timer once when the host starts, not past due', async () => {
    const host = await startHost(START);
    await host.advanceClock({ ms: 0 });
    const fired = await firings(host, 'onStartup');
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ firedAt: new Date(START).toISOString(), timer: { isPastDue: false } });
  });

  it('fires a missed occurrence once, past due, when the host starts again after it', async () => {
    const first = await startHost(START);
    await first.advanceClock({ ms: 2 * 60_000 });
    await stopAll();

    // The host was down across 09:05 and 09:10; one catch-up invocation reports the miss.
    const restartedAt = Date.parse('2026-03-02T09:12:00.000Z');
    const second = await startHost(restartedAt);
    await second.advanceClock({ ms: 0 });
    const caughtUp = await firings(second, 'everyFiveMinutes');
    expect(caughtUp).toHaveLength(1);
    expect(caughtUp[0]).toMatchObject({
      firedAt: '2026-03-02T09:12:00.000Z',
      timer: { isPastDue: true, scheduleStatus: { last: '2026-03-02T09:00:00.000Z', next: '2026-03-02T09:05:00.000Z' } },
    });

    await second.advanceClock({ to: '2026-03-02T09:15:00.000Z' });
    const after = await firings(second, 'everyFiveMinutes');
    expect(after.map((firing) => [firing.firedAt, firing.timer.isPastDue])).toEqual([
      ['2026-03-02T09:12:00.000Z', true],
      ['2026-03-02T09:15:00.000Z', false],
    ]);
  });

  it('lets the admin API read and advance the clock, and invoke a timer by hand', async () => {
    const host = await startHost(START);
    const clock = (await (await fetch(`${host.url}/admin/clock`)).json()) as Record<string, unknown>;
    expect(clock).toEqual({
      virtual: true,
      now: '2026-03-02T08:58:30.000Z',
      nowMs: START,
      nextScheduledAt: '2026-03-02T09:00:00.000Z',
    });

    const advanced = await fetch(`${host.url}/admin/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to: '2026-03-02T09:00:00Z' }),
    });
    expect(advanced.status).toBe(200);
    expect(await advanced.json()).toMatchObject({ now: '2026-03-02T09:00:00.000Z', fired: 1 });
    expect(await firings(host, 'everyFiveMinutes')).toHaveLength(1);

    const invoked = await fetch(`${host.url}/admin/functions/everyFiveMinutes`, { method: 'POST' });
    expect(invoked.status).toBe(202);
    const fired = await firings(host, 'everyFiveMinutes');
    expect(fired).toHaveLength(2);
    expect(fired[1]).toMatchObject({ firedAt: '2026-03-02T09:00:00.000Z', timer: { isPastDue: false } });
  });

  it('refuses a malformed advance request', async () => {
    const host = await startHost(START);
    const response = await fetch(`${host.url}/admin/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ms: -5 }),
    });
    expect(response.status).toBe(400);
  });
});

describe('timer triggers on the real clock', () => {
  it('refuses to advance a real clock', async () => {
    const host = await startFunctionHost({ appDirectory: FIXTURE_APP, port: 0, logger: quiet });
    running.push(host);
    const response = await fetch(`${host.url}/admin/clock/advance`, {
      method: 'POST',
      body: JSON.stringify({ ms: 1000 }),
    });
    expect(response.status).toBe(409);
    const clock = (await (await fetch(`${host.url}/admin/clock`)).json()) as { virtual: boolean };
    expect(clock.virtual).toBe(false);
  });
});
