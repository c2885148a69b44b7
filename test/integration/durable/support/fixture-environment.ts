/**
 * What every run of the durable fixture app stands on, whether the host runs inside the test or
 * as a process a test can kill: Azurite on free ports, the host configured for the fixture app
 * on a virtual clock, and the journal the fixture's activities write.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startAzurite, type RunningAzurite } from '../../../../infra/local/azurite';
import type { DurableExtension } from '../../../../infra/local/durable';
import type { FunctionHostOptions } from '../../../../infra/local/host/function-host';
import type { HostLogger } from '../../../../infra/local/host/host-log';
import { DURABLE_APP } from './compiled-output';

/** Building the app and starting Azurite and a host can take minutes on a busy machine. */
export const SUITE_START_TIMEOUT_MS = 180_000;

/** In memory and on free ports, so that suites running side by side never share a task hub's storage. */
export function startAzuriteOnFreePorts(): Promise<RunningAzurite> {
  return startAzurite({ location: 'memory', blobPort: 0, queuePort: 0, tablePort: 0 });
}

export interface FixtureHostSettings {
  /** The storage connection string the task hub lives in. */
  readonly storage: string;
  readonly hub: string;
  readonly journalDirectory: string;
  /** Where the virtual clock starts (a restarted host carries on from the clock it died with). */
  readonly startAt: number;
  readonly extension: DurableExtension;
  readonly logger: HostLogger;
}

export function fixtureHostOptions(settings: FixtureHostSettings): FunctionHostOptions {
  return {
    appDirectory: DURABLE_APP,
    port: 0,
    settings: {
      AzureWebJobsStorage: settings.storage,
      PARCEL_TASK_HUB: settings.hub,
      PARCEL_JOURNAL_DIR: settings.journalDirectory,
    },
    clock: { mode: 'virtual', startAt: settings.startAt },
    extensions: [settings.extension],
    logger: settings.logger,
  };
}

/** Every entry the fixture's activities have written, oldest first; none before the first. */
export function readJournal(journalDirectory: string): Record<string, unknown>[] {
  const file = path.join(journalDirectory, 'journal.ndjson');
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
