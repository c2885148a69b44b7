/**
 * The app's settings as Core Tools assembles them: local.settings.json `Values` become
 * environment variables (a variable already set wins), and host.json is read for the host and
 * handed to extensions as parsed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const LocalSettingsSchema = z.looseObject({
  IsEncrypted: z.boolean().optional(),
  Values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  Host: z.looseObject({ LocalHttpPort: z.number().int().optional() }).optional(),
});

export type LocalSettings = z.infer<typeof LocalSettingsSchema>;

const HostJsonSchema = z.looseObject({
  version: z.string().optional(),
  extensions: z
    .looseObject({
      http: z
        .looseObject({
          routePrefix: z.string().optional(),
          customHeaders: z.record(z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/), z.string().regex(/^[^\r\n]*$/)).optional(),
        })
        .optional(),
    })
    .optional(),
});

export type HostJson = z.infer<typeof HostJsonSchema>;

/** Reads local.settings.json; a missing file is an empty one, as for Core Tools. */
export function readLocalSettings(file: string): LocalSettings {
  if (!fs.existsSync(file)) return {};
  const parsed = LocalSettingsSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (parsed.IsEncrypted) {
    throw new Error(`${file} is encrypted; the local host reads plain local settings only.`);
  }
  return parsed;
}

/**
 * Changes to environment variables that can be undone: a host started inside another process
 * (a test) leaves that process's environment as it found it when it stops.
 */
export class EnvironmentChanges {
  readonly #previous: Array<{ env: NodeJS.ProcessEnv; name: string; value: string | undefined }> = [];

  constructor(private readonly environments: readonly NodeJS.ProcessEnv[]) {}

  set(name: string, value: string): void {
    for (const env of this.environments) {
      this.#previous.push({ env, name, value: env[name] });
      env[name] = value;
    }
  }

  /** Sets the variable unless the host's own environment (the first) already has it, which then wins everywhere. */
  setDefault(name: string, value: string): void {
    const existing = this.environments[0]?.[name];
    const effective = existing ?? value;
    for (const env of this.environments) {
      if (env[name] === effective) continue;
      this.#previous.push({ env, name, value: env[name] });
      env[name] = effective;
    }
  }

  /** The app settings as the app sees them (the first environment). */
  snapshot(): Record<string, string | undefined> {
    return { ...this.environments[0] };
  }

  restore(): void {
    for (const { env, name, value } of this.#previous.splice(0).reverse()) {
      if (value === undefined) delete env[name];
      else env[name] = value;
    }
  }
}

/**
 * Puts the settings' values into the environment unless a variable of that name is already set
 * (`overrides` always win), and returns the resulting app settings.
 */
export function applyLocalSettings(
  settings: LocalSettings,
  changes: EnvironmentChanges,
  overrides: Readonly<Record<string, string>> = {},
): Record<string, string | undefined> {
  for (const [name, value] of Object.entries(overrides)) changes.set(name, value);
  for (const [name, value] of Object.entries(settings.Values ?? {})) changes.setDefault(name, String(value));
  return changes.snapshot();
}

/** Reads host.json of the app; without one the host runs on defaults. */
export function readHostJson(appDirectory: string): HostJson {
  const file = path.join(appDirectory, 'host.json');
  if (!fs.existsSync(file)) return {};
  try {
    return HostJsonSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch (error) {
    throw new Error(`${file} is not valid: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** host.json `extensions.http.routePrefix`, `api` by default; `""` serves functions from `/`. */
export function routePrefixOf(hostJson: HostJson): string {
  const prefix = hostJson.extensions?.http?.routePrefix ?? 'api';
  return prefix.replace(/^\/+|\/+$/g, '');
}

/**
 * host.json `extensions.http.customHeaders`: headers the host adds to every HTTP response, its own
 * answers included (Azure documents `X-Content-Type-Options: nosniff` as the example).
 */
export function customHeadersOf(hostJson: HostJson): Readonly<Record<string, string>> {
  return hostJson.extensions?.http?.customHeaders ?? {};
}

/** Resolves `%NAME%` app setting references, as the host does in binding properties. */
export function resolveSettingReferences(text: string, settings: Readonly<Record<string, string | undefined>>): string {
  return text.replace(/%([^%]+)%/g, (whole, name: string) => {
    const value = settings[name];
    if (value === undefined) throw new Error(`App setting "${name}" (referenced as ${whole}) is not set.`);
    return value;
  });
}
