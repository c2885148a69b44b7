/**
 * The log lines of an intake attempt, whichever door it came through. Operators count tickets
 * taken in and are alerted on refusals during a store outage (`intake.store-unavailable`, see
 * `infra/azure/app/alerts.bicep`) from these lines, so the web form and the API must write the
 * same ones: a form refused during an outage is as much a lost request as an API call.
 */
import type { EventLog } from '../logging/structured-log';
import type { OpenTicketResult } from './open-ticket';
import type { IntakeLimitBreach } from './intake-rate-limit';

/** Which door the request came through: the JSON API (or a script posting the form to it), or the form page. */
export type IntakeDoor = 'api' | 'web-form';

export function logIntakeOutcome(log: EventLog, via: IntakeDoor, outcome: OpenTicketResult | IntakeLimitBreach): void {
  switch (outcome.kind) {
    case 'accepted': {
      const { ticket } = outcome;
      log.info('intake.accepted', {
        ticketNumber: ticket.ticketNumber,
        severity: ticket.severity,
        via,
        replayed: outcome.replayed,
        lifecycle: outcome.lifecycle,
        emailsFailed: outcome.notifications.failed.length,
      });
      return;
    }
    case 'rate-limited':
      log.warn('intake.rate-limited', { via, limitedBy: outcome.limitedBy, retryAfterSeconds: outcome.retryAfterSeconds });
      return;
    case 'unavailable':
      log.warn('intake.store-unavailable', { via, reason: outcome.failure.kind === 'unavailable' ? outcome.failure.reason : outcome.failure.kind });
      return;
    case 'idempotency-conflict':
    case 'failed':
      // A conflict is the client's to resolve; a failure is thrown or reported by the caller with its correlation id.
      return;
  }
}
