/**
 * Structured log lines through the Functions logger (an InvocationContext or anything shaped like
 * it). Each line is one JSON object whose first field is the event, so Application Insights can
 * query it with `parse_json(message)`; the README's "Deploy to Azure" section shows the query.
 */

/** The subset of InvocationContext's logging methods this helper writes to. */
export interface FunctionsLogger {
  trace(...args: unknown[]): void;
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

export type LogLevel = keyof FunctionsLogger;

export type LogValue = string | number | boolean | null | undefined | Error | readonly string[];

/** Ticket number and severity are named so every ticket's story can be pulled out by them. */
export interface LogFields {
  readonly ticketNumber?: string;
  readonly severity?: string;
  readonly [field: string]: LogValue;
}

/** Field names that could carry a credential are never written out, whatever their value. */
const SECRET_FIELD = /key|secret|password|token|connection.?string|authorization|cookie/i;

function loggable(value: Exclude<LogValue, undefined>): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message };
  return value;
}

/** Pure: the line a log call writes, with `event` first and empty fields left out. */
export function formatLogLine(event: string, fields: LogFields = {}): string {
  const line: Record<string, unknown> = { event };
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || name === 'event') continue;
    line[name] = SECRET_FIELD.test(name) ? '[redacted]' : loggable(value);
  }
  return JSON.stringify(line);
}

export function logEvent(logger: FunctionsLogger, level: LogLevel, event: string, fields: LogFields = {}): void {
  logger[level](formatLogLine(event, fields));
}

export interface EventLog {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  debug(event: string, fields?: LogFields): void;
  /** A log whose lines also carry these fields (e.g. once the ticket number is known). */
  with(fields: LogFields): EventLog;
}

/** Binds fields every line of one invocation shares, typically the ticket number and severity. */
export function eventLog(logger: FunctionsLogger, bound: LogFields = {}): EventLog {
  const write = (level: LogLevel) => (event: string, fields: LogFields = {}) =>
    logEvent(logger, level, event, { ...bound, ...fields });
  return {
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    debug: write('debug'),
    with: (fields) => eventLog(logger, { ...bound, ...fields }),
  };
}
