/**
 * One structured log line per command the API passes to the ticket service, so a ticket's story in
 * Application Insights shows who asked for what through the API and what the domain answered.
 */
import { eventLog, type FunctionsLogger } from '../logging/structured-log';
import type { ApplyResult } from '../ticket-service/apply-to-ticket';

export interface LoggedCommand {
  readonly ticketNumber: string;
  /** The domain command, or the requester action that stands for one. */
  readonly command: string;
  readonly role: string;
}

export function logCommandOutcome(context: FunctionsLogger, logged: LoggedCommand, result: ApplyResult): void {
  const log = eventLog(context, { ticketNumber: logged.ticketNumber }).with({ command: logged.command, role: logged.role });
  switch (result.kind) {
    case 'applied':
      log.with({ severity: result.ticket.severity }).info('api.command-applied', { events: result.events.length, status: result.ticket.status });
      return;
    case 'unchanged':
      log.info('api.command-unchanged');
      return;
    case 'rejected':
      log.info('api.command-rejected', { code: result.rejection.code, reason: result.rejection.message });
      return;
    case 'not-found':
      log.info('api.command-ticket-missing');
      return;
    case 'unavailable':
      log.warn('api.command-store-unavailable', { reason: result.failure.kind === 'unavailable' ? result.failure.reason : result.failure.kind });
      return;
    case 'failed':
      log.error('api.command-failed', { reason: result.reason });
      return;
  }
}
