import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunningAzurite } from '../../../infra/local/azurite';
import { ensureCompiled } from './support/compiled-output';
import { HOUR, START } from './support/durable-harness';
import { readJournal, startAzuriteOnFreePorts, SUITE_START_TIMEOUT_MS } from './support/fixture-environment';
import { eventsOf, statusWithHistory, type InstanceStatus } from './support/history';
import { spawnHost, type HostProcess } from './support/host-process';

/**
 * The shipping chain is pack → one-hour timer → carrier; `gate` holds packing until released.
 * One Azurite outlives every host a test kills; each test has its own journal and hub.
 */

let azurite: RunningAzurite;
let journal: string;
let host: HostProcess | undefined;

beforeAll(async () => {
  // The host processes run the compiled fixture app and host entry.
  ensureCompiled();
  azurite = await startAzuriteOnFreePorts();
}, SUITE_START_TIMEOUT_MS);

beforeEach(() => {
  journal = fs.mkdtempSync(path.join(os.tmpdir(), 'parcel-crash-'));
});

afterEach(async () => {
  await host?.stop();
  host = undefined;
  fs.rmSync(journal, { recursive: true, force: true });
});

afterAll(() => azurite.stop());

function entries(step: string): Record<string, unknown>[] {
  return readJournal(journal).filter((entry) => entry['step'] === step);
}

async function eventually(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}

function start(process: HostProcess, instanceId: string, input: unknown): Promise<Response> {
  return process.api(`start/shipParcel/${instanceId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
}

function expectNoDuplicateCompletions(result: InstanceStatus): void {
  const completed = eventsOf(result, 'TaskCompleted');
  const fired = eventsOf(result, 'TimerFired');
  // Each TaskCompleted carries the name of the TaskScheduled it answers: one each, no more.
  expect(completed.map((event) => event.FunctionName).sort()).toEqual(['handToCarrier', 'packParcel']);
  expect(fired).toHaveLength(1);
}

describe('a host killed with SIGKILL', () => {
  it('resumes every instance: running activities run again, pending timers fire once, nothing completes twice', async () => {
    const hub = 'CrashHub';
    const storage = azurite.connectionString;
    host = await spawnHost({ storage, hub, journal, startAt: START });
    const gated = ['gated-1', 'gated-2', 'gated-3'];
    const waiting = ['timer-1', 'timer-2', 'timer-3'];
    for (const id of gated) expect((await start(host, id, { parcel: id, gate: true })).status).toBe(202);
    for (const id of waiting) expect((await start(host, id, { parcel: id })).status).toBe(202);
    const first = host;
    // Gated parcels are mid-activity; the others have packed and wait on their one-hour timer.
    await eventually(() => entries('pack').length === 6, 'six packing activities to start');
    await eventually(async () => {
      for (const id of waiting) {
        const result = await statusWithHistory(first, id);
        if (eventsOf(result, 'TimerCreated').length === 0) return false;
      }
      return true;
    }, 'the timers to be saved');
    const clockAtCrash = await host.clock();
    await host.kill();

    fs.writeFileSync(path.join(journal, 'pack.open'), '');
    host = await spawnHost({ storage, hub, journal, startAt: clockAtCrash });
    await host.advance(0);
    await host.advance(HOUR);

    for (const id of [...gated, ...waiting]) {
      const result = await statusWithHistory(host, id);
      expect(result.runtimeStatus).toBe('Completed');
      expect(result.output).toEqual([`packed ${id}`, `shipped ${id}`]);
      expectNoDuplicateCompletions(result);
    }
    const packs = (id: string): number => entries('pack').filter((entry) => entry['parcel'] === id).length;
    // At least once: an activity killed mid-run runs again; one that had completed does not.
    for (const id of gated) expect(packs(id)).toBe(2);
    for (const id of waiting) expect(packs(id)).toBe(1);
    expect(entries('carrier')).toHaveLength(6);
  }, 120_000);

  it('keeps every instance correct across kills at arbitrary moments', async () => {
    const hub = 'ChaosHub';
    const storage = azurite.connectionString;
    const ids = Array.from({ length: 24 }, (_, index) => `chaos-${index}`);
    let clock = START;
    host = await spawnHost({ storage, hub, journal, startAt: clock });
    const launched = ids.map((id) => start(host ?? fail(), id, { parcel: id }).catch(() => undefined));
    // Kill while starts, episodes, activities and saves are in flight; then again mid-advance.
    const delays = [40, 120, 260];
    for (const delay of delays) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      const current = host;
      clock = await current.clock().catch(() => clock);
      void current.advance(HOUR / 2).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, delay / 2));
      await current.kill();
      host = await spawnHost({ storage, hub, journal, startAt: clock });
    }
    await Promise.all(launched);
    // Starts cut off by a kill never answered 202: start those again (an id is started once).
    for (const id of ids) {
      const exists = await host.rpc(`instances/${id}`);
      if (exists.status === 404) expect((await start(host, id, { parcel: id })).status).toBe(202);
    }
    await host.advance(0);
    await host.advance(2 * HOUR);
    const problems: Record<string, unknown>[] = [];
    for (const id of ids) {
      const result = await statusWithHistory(host, id);
      const completed = eventsOf(result, 'TaskCompleted');
      const fired = eventsOf(result, 'TimerFired');
      const healthy =
        result.runtimeStatus === 'Completed' &&
        JSON.stringify(result.output) === JSON.stringify([`packed ${id}`, `shipped ${id}`]) &&
        JSON.stringify(completed.map((event) => event.FunctionName).sort()) === '["handToCarrier","packParcel"]' &&
        fired.length === 1;
      if (!healthy) problems.push({ id, status: result.runtimeStatus, output: result.output, history: result.historyEvents });
    }
    // On failure, the last host's log says what it saw.
    expect(problems.length === 0 ? [] : [...problems, host.output().slice(-4000)]).toEqual([]);
  }, 180_000);
});

function fail(): never {
  throw new Error('no host');
}
