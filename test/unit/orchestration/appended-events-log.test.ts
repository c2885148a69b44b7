import { logAppendedEvents } from '../../../shared/orchestration/appended-events-log';
import { eventLog, type FunctionsLogger } from '../../../shared/logging/structured-log';

function recordingLogger(lines: string[]): FunctionsLogger {
  const record = (...args: unknown[]) => lines.push(String(args[0]));
  return { trace: record, debug: record, info: record, warn: record, error: record };
}

describe('the log of what a lifecycle turn appended', () => {
  it('writes one ticket.event-appended line per timeline event, with the ticket number', () => {
    const lines: string[] = [];
    logAppendedEvents(eventLog(recordingLogger(lines), { ticketNumber: 'BTN-261123-7K2QD' }), ['sla-breached', 'handed-off']);
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      { event: 'ticket.event-appended', ticketNumber: 'BTN-261123-7K2QD', type: 'sla-breached' },
      { event: 'ticket.event-appended', ticketNumber: 'BTN-261123-7K2QD', type: 'handed-off' },
    ]);
  });

  it('leaves out steps that are not timeline events', () => {
    const lines: string[] = [];
    logAppendedEvents(eventLog(recordingLogger(lines)), ['vendor-follow-up']);
    expect(lines).toEqual([]);
  });
});
