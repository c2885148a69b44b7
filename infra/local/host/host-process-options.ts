/**
 * How the host process is told what to run: command-line flags, each with an environment
 * variable fallback (the local stack uses the variables, a person the flags).
 *
 *   --app <dir>                LOCAL_HOST_APP_DIR         the app folder (default: the working folder)
 *   --port <n>                 LOCAL_HOST_PORT            0 for a free port (default: local settings, else 7071)
 *   --settings <file>          LOCAL_HOST_SETTINGS_FILE   default <app>/local.settings.json
 *   --state <dir>              LOCAL_HOST_STATE_DIR       timer statuses, extension data (default <app>/.local/host)
 *   --virtual-clock [instant]  LOCAL_HOST_VIRTUAL_CLOCK   run on a virtual clock from an ISO instant or epoch ms ("now" = now)
 *   --log-level <level>        LOCAL_HOST_LOG_LEVEL       debug | info | warn | error (default info)
 */
import path from 'node:path';
import { z } from 'zod';
import type { HostClockOption } from './function-host';

const LogLevelSchema = z.enum(['debug', 'info', 'warn', 'error']);

export interface HostProcessOptions {
  readonly appDirectory: string;
  readonly port: number | undefined;
  readonly settingsFile: string | undefined;
  readonly stateDirectory: string;
  readonly clock: HostClockOption;
  readonly logLevel: z.infer<typeof LogLevelSchema>;
}

const FLAG_TO_VARIABLE: Readonly<Record<string, string>> = {
  '--app': 'LOCAL_HOST_APP_DIR',
  '--port': 'LOCAL_HOST_PORT',
  '--settings': 'LOCAL_HOST_SETTINGS_FILE',
  '--state': 'LOCAL_HOST_STATE_DIR',
  '--virtual-clock': 'LOCAL_HOST_VIRTUAL_CLOCK',
  '--log-level': 'LOCAL_HOST_LOG_LEVEL',
};

function parseInstant(text: string, now: number): number {
  if (text === '' || text === 'now') return now;
  const asNumber = Number(text);
  const instant = Number.isFinite(asNumber) && /^\d+$/.test(text) ? asNumber : Date.parse(text);
  if (!Number.isFinite(instant)) throw new Error(`--virtual-clock expects an ISO instant or epoch milliseconds, not "${text}".`);
  return instant;
}

/** Reads the flags in `argv` (after the script) and the variables in `env`; flags win. */
export function parseHostProcessOptions(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): HostProcessOptions {
  const values: Record<string, string | undefined> = {};
  for (const [flag, variable] of Object.entries(FLAG_TO_VARIABLE)) values[flag] = env[variable];
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index] ?? '';
    if (!(flag in FLAG_TO_VARIABLE)) throw new Error(`Unknown option "${flag}". Options: ${Object.keys(FLAG_TO_VARIABLE).join(', ')}.`);
    const next = argv[index + 1];
    if (next !== undefined && !next.startsWith('--')) {
      values[flag] = next;
      index += 1;
    } else if (flag === '--virtual-clock') {
      values[flag] = 'now';
    } else {
      throw new Error(`Option ${flag} needs a value.`);
    }
  }
  const appDirectory = path.resolve(cwd, values['--app'] ?? '.');
  const portText = values['--port'];
  const port = portText === undefined ? undefined : z.coerce.number().int().min(0).max(65535).parse(portText);
  const clockText = values['--virtual-clock'];
  return {
    appDirectory,
    port,
    settingsFile: values['--settings'] === undefined ? undefined : path.resolve(cwd, values['--settings']),
    stateDirectory: path.resolve(appDirectory, values['--state'] ?? path.join('.local', 'host')),
    clock: clockText === undefined ? { mode: 'real' } : { mode: 'virtual', startAt: parseInstant(clockText, Date.now()) },
    logLevel: LogLevelSchema.parse(values['--log-level'] ?? 'info'),
  };
}
