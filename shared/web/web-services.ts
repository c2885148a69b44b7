/**
 * What the requester's pages need from the ticket service, and its wiring to the app's one
 * instance of it: read a ticket, apply a requester's command (waking the ticket's lifecycle), open
 * a ticket from the plain form, and the organisation's configuration (desk name, catalogue, rules).
 */
import { randomUUID } from 'node:crypto';
import type { InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { appTicketApiPort } from '../http-api/app-ticket-api';
import { eventLog } from '../logging/structured-log';
import { appClientAddress, appIntakeRateLimiter, appTicketServices } from '../ticket-service/app-ticket-services';
import { durableLifecycleControl, type LifecycleControl } from '../orchestration/lifecycle-control';
import type { IntakeWebPorts } from './intake/intake-form-handlers';
import type { RequesterPagePort } from './requester-page-port';

/** The ticket's lifecycle, when this invocation has a Durable client; the repair timer covers the rest. */
function lifecycleOf(context: InvocationContext): LifecycleControl | undefined {
  try {
    return durableLifecycleControl(df.getClient(context), eventLog(context));
  } catch (error: unknown) {
    eventLog(context).warn('web.no-durable-client', { error: error instanceof Error ? error : String(error) });
    return undefined;
  }
}

/** The requester API's own port onto the ticket services: the pages read and act exactly as the API does. */
export function requesterPagePort(context: InvocationContext): RequesterPagePort {
  return appTicketApiPort(context);
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
  const services = appTicketServices();
  const lifecycle = withLifecycle ? lifecycleOf(context) : undefined;
  return {
    orgConfig: () => services.orgConfig(),
    openTicket: (intake, idempotencyKey, request) =>
      appIntakeRateLimiter().openWithinLimits({ clientAddress: appClientAddress(request.headers), requesterEmail: intake.requester.email }, () =>
        services.openTicket({
          intake,
          receivedAt: services.clock.now(),
          ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
          ...(lifecycle === undefined ? {} : { lifecycle }),
        }),
      ),
    reportFailure: failureReporter(context),
  };
}
