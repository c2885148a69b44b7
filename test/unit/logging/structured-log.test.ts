import { InvocationContext } from '@azure/functions';
import { eventLog, formatLogLine, logEvent, type FunctionsLogger, type LogLevel } from '../../../shared/logging/structured-log';

/** A logger that keeps what was written, by level. */
function recordingLogger(): FunctionsLogger & { readonly lines: Array<[LogLevel, unknown[]]> } {
  const lines: Array<[LogLevel, unknown[]]> = [];
  const at = (level: LogLevel) => (...args: unknown[]) => {
    lines.push([level, args]);
  };
  return { lines, trace: at('trace'), debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

describe('structured log lines', () => {
  it('writes one JSON object with the event first, so Application Insights can parse the message', () => {
    const line = formatLogLine('sla.breached', { ticketNumber: 'T-2026-000042', severity: 'A', metric: 'firstResponse' });

    expect(line.startsWith('{"event":"sla.breached"')).toBe(true);
    expect(JSON.parse(line)).toEqual({
      event: 'sla.breached',
      ticketNumber: 'T-2026-000042',
      severity: 'A',
      metric: 'firstResponse',
    });
  });

  it('leaves out empty fields and keeps the event name from being overwritten', () => {
    expect(JSON.parse(formatLogLine('ticket.created', { ticketNumber: undefined, event: 'forged', queueId: 'q-azure' }))).toEqual({
      event: 'ticket.created',
      queueId: 'q-azure',
    });
  });

  it('never writes a field that could hold a credential', () => {
    const line = formatLogLine('email.failed', { accessKey: 'c2VjcmV0', connectionString: 'endpoint=x;accesskey=y', bearerToken: 'eyJ' });

    expect(line).not.toContain('c2VjcmV0');
    expect(line).not.toContain('accesskey=y');
    expect(line).not.toContain('eyJ');
    expect(JSON.parse(line)).toMatchObject({ accessKey: '[redacted]', connectionString: '[redacted]', bearerToken: '[redacted]' });
  });

  it('writes an error as its name and message, without the stack', () => {
    const error = new TypeError('vendor answered 500');

    expect(JSON.parse(formatLogLine('vendor.failed', { error }))).toEqual({
      event: 'vendor.failed',
      error: { name: 'TypeError', message: 'vendor answered 500' },
    });
  });

  it('logs at the level asked for', () => {
    const logger = recordingLogger();

    logEvent(logger, 'warn', 'sla.warning', { ticketNumber: 'T-1' });

    expect(logger.lines).toEqual([['warn', ['{"event":"sla.warning","ticketNumber":"T-1"}']]]);
  });

  it('binds the ticket’s fields to every line of an invocation', () => {
    const logger = recordingLogger();
    const log = eventLog(logger, { ticketNumber: 'T-7', severity: 'B' });

    log.info('ticket.assigned', { engineer: 'ana' });
    log.with({ queueId: 'emea' }).error('handoff.stalled');

    expect(logger.lines.map(([level, args]) => [level, JSON.parse(String(args[0]))])).toEqual([
      ['info', { event: 'ticket.assigned', ticketNumber: 'T-7', severity: 'B', engineer: 'ana' }],
      ['error', { event: 'handoff.stalled', ticketNumber: 'T-7', severity: 'B', queueId: 'emea' }],
    ]);
  });

  it('writes through a real InvocationContext to the Functions log handler', () => {
    const handled: Array<[string, unknown[]]> = [];
    const context = new InvocationContext({
      invocationId: 'inv-1',
      functionName: 'intake',
      logHandler: (level, ...args) => handled.push([level, args]),
    });

    eventLog(context, { ticketNumber: 'T-9' }).info('ticket.created');

    expect(handled).toEqual([['information', ['{"event":"ticket.created","ticketNumber":"T-9"}']]]);
  });
});
