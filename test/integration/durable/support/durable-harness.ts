/**
 * Starts what a durable integration test needs: Azurite in memory on free ports, the local
 * Functions host on a virtual clock with the Durable extension, and the fixture app; plus helpers
 * to call the app, the Durable HTTP API, and to move time. `useDurableHarness` gives a suite one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunningAzurite } from '../../../../infra/local/azurite';
import { startFunctionHost, type RunningFunctionHost } from '../../../../infra/local/host/function-host';
import { createHostLogger } from '../../../../infra/local/host/host-log';
import { createDurableExtension, type DurableExtension, type DurableExtensionOptions } from '../../../../infra/local/durable';
import { ensureCompiled } from './compiled-output';
import { fixtureHostOptions, readJournal, startAzuriteOnFreePorts, SUITE_START_TIMEOUT_MS } from './fixture-environment';

export const START = Date.parse('2026-03-02T08:00:00Z');
export const HOUR = 3_600_000;

export interface HarnessOptions {
  readonly hub: string;
  readonly extension?: DurableExtensionOptions;
  /** Reuse an Azurite (a restart test); by default each harness starts its own. */
  readonly azurite?: RunningAzurite;
  readonly journalDirectory?: string;
  readonly startAt?: number;
}

export interface DurableHarness {
  readonly host: RunningFunctionHost;
  readonly azurite: RunningAzurite;
  readonly extension: DurableExtension;
  readonly journalDirectory: string;
  readonly errors: string[];
  api(route: string, init?: RequestInit): Promise<Response>;
  rpc(route: string, init?: RequestInit): Promise<Response>;
  /** Starts an orchestration through the fixture's HTTP starter, expects 202, and waits until it settles. */
  start(orchestrator: string, instanceId: string, input?: unknown): Promise<void>;
  /** The instance's status as the fixture's own status route reports it. */
  status(instanceId: string): Promise<Record<string, unknown>>;
  advance(ms: number): Promise<void>;
  settle(): Promise<void>;
  journal(): Record<string, unknown>[];
  stop(options?: { keepAzurite?: boolean }): Promise<void>;
}

export async function startHarness(options: HarnessOptions): Promise<DurableHarness> {
  ensureCompiled();
  const azurite = options.azurite ?? (await startAzuriteOnFreePorts());
  const journalDirectory = options.journalDirectory ?? fs.mkdtempSync(path.join(os.tmpdir(), 'parcel-journal-'));
  const extension = createDurableExtension(options.extension ?? {});
  const errors: string[] = [];
  const host = await startFunctionHost(
    fixtureHostOptions({
      storage: azurite.connectionString,
      hub: options.hub,
      journalDirectory,
      startAt: options.startAt ?? START,
      extension,
      logger: createHostLogger({
        level: 'warn',
        write: () => undefined,
        listener: (entry) => {
          if (entry.level === 'error') errors.push(entry.message);
        },
      }),
    }),
  );
  const rpcBase = (): string => {
    const base = extension.facts?.rpcBaseUrl;
    if (!base) throw new Error('the durable extension has not started');
    return base;
  };
  const api = (route: string, init?: RequestInit): Promise<Response> => fetch(`${host.url}/api/${route}`, init);
  const settle = (): Promise<void> => host.whenIdle();
  return {
    host,
    azurite,
    extension,
    journalDirectory,
    errors,
    api,
    rpc: (route, init) => fetch(new URL(route, rpcBase()), init),
    start: async (orchestrator, instanceId, input) => {
      const response = await api(`start/${orchestrator}/${instanceId}`, postJson(input ?? null));
      expect(response.status).toBe(202);
      await settle();
    },
    status: async (instanceId) => readJson(await api(`shipments/${instanceId}`)),
    advance: async (ms) => {
      await host.advanceClock({ ms });
    },
    settle,
    journal: () => readJournal(journalDirectory),
    stop: async (stopOptions) => {
      await host.stop();
      if (!stopOptions?.keepAzurite && !options.azurite) {
        await azurite.stop();
        fs.rmSync(journalDirectory, { recursive: true, force: true });
      }
    },
  };
}

/**
 * One harness for a whole suite: started before its first test, stopped after its last. The
 * handle is taken at module level and used inside tests; what a suite needs of its own (its hub,
 * the extension's settings) is in `options`.
 */
export function useDurableHarness(options: HarnessOptions): DurableHarness {
  let started: DurableHarness | undefined;
  beforeAll(async () => {
    started = await startHarness(options);
  }, SUITE_START_TIMEOUT_MS);
  afterAll(async () => {
    await started?.stop();
  });
  const current = (): DurableHarness => {
    if (started === undefined) throw new Error(`the ${options.hub} harness runs only during its suite's tests`);
    return started;
  };
  return {
    get host() {
      return current().host;
    },
    get azurite() {
      return current().azurite;
    },
    get extension() {
      return current().extension;
    },
    get journalDirectory() {
      return current().journalDirectory;
    },
    get errors() {
      return current().errors;
    },
    api: (route, init) => current().api(route, init),
    rpc: (route, init) => current().rpc(route, init),
    start: (orchestrator, instanceId, input) => current().start(orchestrator, instanceId, input),
    status: (instanceId) => current().status(instanceId),
    advance: (ms) => current().advance(ms),
    settle: () => current().settle(),
    journal: () => current().journal(),
    stop: (stopOptions) => current().stop(stopOptions),
  };
}

export function postJson(body: unknown): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

export async function readJson<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
