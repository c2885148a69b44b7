/**
 * What the requester's pages need from the ticket service, and its wiring to the app's one
 * instance of it: read a ticket, apply a requester's command (waking the ticket's lifecycle), open
 * a ticket from the plain form, and the organisation's configuration (desk name, catalogue, rules).
 */
import { randomUUID } from 'node:crypto';
import type { InvocationContext } from '@azure/functions';
import { appAttachments } from '../attachments/app-attachments';
import { appTicketApiPort } from '../http-api/app-ticket-api';
import { eventLog } from '../logging/structured-log';
import { logIntakeOutcome } from '../intake/intake-outcome-log';
import { appTicketServices, invocationLifecycle, openAppTicket } from '../ticket-service/app-ticket-services';
import type { IntakeWebPorts } from './intake/intake-form-handlers';
import type { RequesterPagePort } from './requester-page-port';

/** The requester API's own port onto the ticket services: the pages read and act exactly as the API does. */
export function requesterPagePort(context: InvocationContext): RequesterPagePort {
  return appTicketApiPort(context);
}

/** The public site's origin (`BATON_PUBLIC_BASE_URL`), from which the status page's forms are also posted. */
export function requesterSiteOrigins(): string[] {
  return [new URL(appTicketServices().config.publicBaseUrl).origin];
}

/** Logs the reason under a fresh correlation id, which is all the requester is shown. */
function failureReporter(context: InvocationContext): (reason: string) => string {
  return (reason) => {
    const correlationId = randomUUID();
    eventLog(context).error('web.failure', { correlationId, reason });
    return correlationId;
  };
}

export function intakeWebPorts(context: InvocationContext, withLifecycle: boolean): IntakeWebPorts {
  const lifecycle = withLifecycle ? invocationLifecycle(context, 'web.no-durable-client') : undefined;
  return {
    orgConfig: () => appTicketServices().orgConfig(),
    openTicket: async (intake, idempotencyKey, request) => {
      const opened = await openAppTicket({ intake, idempotencyKey, headers: request.headers, lifecycle });
      logIntakeOutcome(eventLog(context), 'web-form', opened);
      return opened;
    },
    reportFailure: failureReporter(context),
    attachments: appAttachments(),
    applyToTicket: (ticketNumber, decideCommands, now) => appTicketApiPort(context).applyToTicket(ticketNumber, decideCommands, now),
    now: () => appTicketServices().clock.now().toISOString(),
  };
}
