/**
 * The Durable extension's settings as the real one reads them: host.json
 * `extensions.durableTask` (hub name with `%AppSetting%` substitution, storage connection name,
 * partition count, concurrency limits) and the app settings holding the connection string.
 */
import os from 'node:os';
import { z } from 'zod';
import type { TimerSettings } from './engine/episode-builder';
import { isValidHubName } from './storage/hub-layout';

const DurableTaskSectionSchema = z
  .object({
    hubName: z.string().optional(),
    maxConcurrentActivityFunctions: z.number().int().positive().optional(),
    maxConcurrentOrchestratorFunctions: z.number().int().positive().optional(),
    storageProvider: z
      .object({
        connectionStringName: z.string().optional(),
        connectionName: z.string().optional(),
        partitionCount: z.number().int().min(1).max(16).optional(),
      })
      .loose()
      .optional(),
  })
  .loose();

const HostJsonSchema = z
  .object({ extensions: z.object({ durableTask: DurableTaskSectionSchema.optional() }).loose().optional() })
  .loose();

export interface DurableSettings {
  readonly hubName: string;
  /** The app setting naming the storage connection (shown as `connection=` in management URLs). */
  readonly connectionName: string;
  readonly connectionString: string;
  readonly partitionCount: number;
  readonly maxConcurrentActivities: number;
  readonly maxConcurrentOrchestrations: number;
  readonly timers: TimerSettings;
}

export interface SettingOverrides {
  readonly maxConcurrentActivities?: number;
  readonly maxConcurrentOrchestrations?: number;
  readonly maximumShortTimerMs?: number;
  readonly longRunningTimerIntervalMs?: number;
}

const DAY = 86_400_000;

/** `%NAME%` → the app setting's value, as the host resolves binding expressions in host.json. */
export function substituteAppSettings(text: string, settings: Readonly<Record<string, string | undefined>>): string {
  return text.replace(/%([^%]+)%/g, (_, name: string) => {
    const value = settings[name];
    if (value === undefined || value === '') throw new Error(`The app setting '${name}' used in host.json is not set.`);
    return value;
  });
}

/** Without a configured name the extension derives one from the site name, or uses TestHubName. */
function defaultHubName(settings: Readonly<Record<string, string | undefined>>): string {
  const site = (settings['WEBSITE_SITE_NAME'] ?? '').replace(/[^A-Za-z0-9]/g, '');
  return isValidHubName(site) ? site : 'TestHubName';
}

export function resolveDurableSettings(
  hostJson: Readonly<Record<string, unknown>>,
  settings: Readonly<Record<string, string | undefined>>,
  overrides: SettingOverrides = {},
): DurableSettings {
  const section = HostJsonSchema.parse(hostJson).extensions?.durableTask ?? {};
  const hubName = section.hubName ? substituteAppSettings(section.hubName, settings) : defaultHubName(settings);
  if (!isValidHubName(hubName)) {
    throw new Error(`Task hub name '${hubName}' is invalid: use 3–45 letters or digits, starting with a letter.`);
  }
  const connectionName =
    section.storageProvider?.connectionStringName ?? section.storageProvider?.connectionName ?? 'AzureWebJobsStorage';
  const connectionString = settings[connectionName];
  if (!connectionString) throw new Error(`The storage connection setting '${connectionName}' is not set.`);
  const perCore = 10 * Math.max(1, os.cpus().length);
  return {
    hubName,
    connectionName: connectionName === 'AzureWebJobsStorage' ? 'Storage' : connectionName,
    connectionString,
    partitionCount: section.storageProvider?.partitionCount ?? 4,
    maxConcurrentActivities: overrides.maxConcurrentActivities ?? section.maxConcurrentActivityFunctions ?? perCore,
    maxConcurrentOrchestrations:
      overrides.maxConcurrentOrchestrations ?? section.maxConcurrentOrchestratorFunctions ?? perCore,
    timers: {
      maximumShortTimerMs: overrides.maximumShortTimerMs ?? 6 * DAY,
      longRunningTimerIntervalMs: overrides.longRunningTimerIntervalMs ?? 3 * DAY,
    },
  };
}
