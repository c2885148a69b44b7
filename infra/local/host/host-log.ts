/**
 * The host's log: one line per entry on stderr (system and user logs alike), filtered by level,
 * with an optional listener so tests and tools can watch what the app logged.
 */
import type { HostLogLevel } from './extension-contract';
import type { RpcLogLevel } from './core-api-types';

export interface HostLogEntry {
  readonly level: HostLogLevel;
  readonly message: string;
  /** `host`, an extension's name, or `function` for logs an invocation made. */
  readonly source: string;
  readonly fields?: Readonly<Record<string, unknown>>;
}

export type HostLogListener = (entry: HostLogEntry) => void;

export interface HostLogger {
  log(level: HostLogLevel, message: string, fields?: Readonly<Record<string, unknown>>): void;
  /** A logger that tags its entries with another source. */
  withSource(source: string): HostLogger;
}

const LEVEL_ORDER: Record<HostLogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export function isHostLogLevel(value: string): value is HostLogLevel {
  return value in LEVEL_ORDER;
}

/** The worker's seven levels folded onto the host's four. */
export function fromRpcLogLevel(level: RpcLogLevel): HostLogLevel | undefined {
  switch (level) {
    case 'trace':
    case 'debug':
      return 'debug';
    case 'information':
      return 'info';
    case 'warning':
      return 'warn';
    case 'error':
    case 'critical':
      return 'error';
    case 'none':
      return undefined;
  }
}

export interface HostLoggerOptions {
  /** Entries below this level are not written (the listener still sees them). Default `info`. */
  readonly level?: HostLogLevel;
  readonly listener?: HostLogListener;
  readonly write?: (line: string) => void;
}

export function createHostLogger(options: HostLoggerOptions = {}): HostLogger {
  const threshold = LEVEL_ORDER[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const make = (source: string): HostLogger => ({
    log(level, message, fields) {
      options.listener?.({ level, message, source, ...(fields ? { fields } : {}) });
      if (LEVEL_ORDER[level] < threshold) return;
      const suffix = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
      write(`[${new Date().toISOString()}] ${level.toUpperCase().padEnd(5)} ${source}: ${message}${suffix}\n`);
    },
    withSource: (next) => make(next),
  });
  return make('host');
}
