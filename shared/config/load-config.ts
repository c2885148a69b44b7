/**
 * Reads Baton's configuration from app settings once, at start-up. A missing or malformed setting
 * stops the app with one message that names every offending setting, rather than failing later
 * inside the first request that happens to need it.
 */
import type { z } from 'zod';
import {
  AzureConfigSchema,
  CommonSettingsSchema,
  EnvironmentKindSchema,
  LocalConfigSchema,
  type BatonConfig,
} from './config-schema';
import { SETTING, type SettingName } from './settings';
import { unresolvedKeyVaultReferences, UNRESOLVED_KEY_VAULT_REFERENCE } from './key-vault-references';

export type AppSettings = Readonly<Record<string, string | undefined>>;

export interface SettingProblem {
  readonly setting: string;
  readonly problem: string;
}

export class ConfigError extends Error {
  readonly problems: readonly SettingProblem[];

  constructor(problems: readonly SettingProblem[]) {
    super(
      `Baton cannot start: its configuration is invalid.\n${problems
        .map(({ setting, problem }) => `  - ${setting} ${problem}`)
        .join('\n')}\nSee "Deploy to Azure" in README.md for every setting and its meaning.`,
    );
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** An empty value is what an unset optional Bicep parameter or a blank local setting yields. */
function withoutBlanks(settings: AppSettings): Record<string, string> {
  const present: Record<string, string> = {};
  for (const [name, value] of Object.entries(settings)) {
    if (value !== undefined && value.trim() !== '') present[name] = value;
  }
  return present;
}

/** A setting App Service left as a Key Vault reference is refused for that reason, not for its shape. */
function problemsOf(error: z.ZodError, unresolved: readonly string[]): SettingProblem[] {
  return error.issues.map((issue) => {
    const setting = issue.path.map(String).join('.') || '(settings)';
    return { setting, problem: unresolved.includes(setting) ? UNRESOLVED_KEY_VAULT_REFERENCE : issue.message };
  });
}

/** The configuration, and the settings it had to do without because their Key Vault reference did not resolve. */
export type LoadedConfig = BatonConfig & { readonly unresolvedKeyVaultReferences: readonly SettingName[] };

/** Pure: the configuration these settings describe, or a ConfigError naming what is wrong. */
export function loadConfig(settings: AppSettings): LoadedConfig {
  const present = withoutBlanks(settings);
  const unresolved = unresolvedKeyVaultReferences(present);
  const kind = EnvironmentKindSchema.safeParse(present);
  if (!kind.success) {
    // Still report what is wrong with the settings every environment shares.
    const rest = CommonSettingsSchema.safeParse(present);
    throw new ConfigError([...problemsOf(kind.error, unresolved), ...(rest.success ? [] : problemsOf(rest.error, unresolved))]);
  }
  const parsed =
    kind.data[SETTING.environment] === 'azure' ? AzureConfigSchema.safeParse(present) : LocalConfigSchema.safeParse(present);
  if (!parsed.success) throw new ConfigError(problemsOf(parsed.error, unresolved));
  return { ...parsed.data, unresolvedKeyVaultReferences: unresolved };
}

let processConfig: LoadedConfig | undefined;

/** The process's configuration, read from its environment on first use and kept. */
export function appConfig(): LoadedConfig {
  processConfig ??= loadConfig(process.env);
  return processConfig;
}
