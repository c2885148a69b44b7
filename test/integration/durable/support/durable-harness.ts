/**
 * Starts what a durable integration test needs: Azurite in memory on free ports, the local
 * Functions host on a virtual clock with the Durable extension, and the fixture app; plus helpers
 * to call the app, the Durable HTTP API, and to move time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAzurite, type RunningAzurite } from '../../../../infra/local/azurite';
import { startFunctionHost, type RunningFunctionHost } from '../../../../infra/local/host/function-host';
import { createHostLogger } from '../../../../infra/local/host/host-log';
import { createDurableExtension, type DurableExtension, type DurableExtensionOptions } from '../../../../infra/local/durable';
import { DURABLE_APP, ensureCompiled } from './compiled-output';

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
  advance(ms: number): Promise<void>;
  settle(): Promise<void>;
  journal(): Record<string, unknown>[];
  stop(options?: { keepAzurite?: boolean }): Promise<void>;
}

export async function startHarness(options: HarnessOptions): Promise<DurableHarness> {
  ensureCompiled();
  const azurite =
    options.azurite ?? (await startAzurite({ location: 'memory', blobPort: 0, queuePort: 0, tablePort: 0 }));
  const journalDirectory = options.journalDirectory ?? fs.mkdtempSync(path.join(os.tmpdir(), 'parcel-journal-'));
  const extension = createDurableExtension(options.extension ?? {});
  const errors: string[] = [];
  const host = await startFunctionHost({
    appDirectory: DURABLE_APP,
    port: 0,
    settings: {
      AzureWebJobsStorage: azurite.connectionString,
      PARCEL_TASK_HUB: options.hub,
      PARCEL_JOURNAL_DIR: journalDirectory,
    },
    clock: { mode: 'virtual', startAt: options.startAt ?? START },
    extensions: [extension],
    logger: createHostLogger({
      level: 'warn',
      write: () => undefined,
      listener: (entry) => {
        if (entry.level === 'error') errors.push(entry.message);
      },
    }),
  });
  const rpcBase = (): string => {
    const base = extension.facts?.rpcBaseUrl;
    if (!base) throw new Error('the durable extension has not started');
    return base;
  };
  return {
    host,
    azurite,
    extension,
    journalDirectory,
    errors,
    api: (route, init) => fetch(`${host.url}/api/${route}`, init),
    rpc: (route, init) => fetch(new URL(route, rpcBase()), init),
    advance: async (ms) => {
      await host.advanceClock({ ms });
    },
    settle: () => host.whenIdle(),
    journal: () => {
      const file = path.join(journalDirectory, 'journal.ndjson');
      if (!fs.existsSync(file)) return [];
      return fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line.length > 0)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    stop: async (stopOptions) => {
      await host.stop();
      if (!stopOptions?.keepAzurite && !options.azurite) {
        await azurite.stop();
        fs.rmSync(journalDirectory, { recursive: true, force: true });
      }
    },
  };
}

export function postJson(body: unknown): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

export async function readJson<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
