/**
 * The API's port onto the app's ticket services: reads and lists after the store is set up (the
 * local stack creates its containers on first use), and every applied command wakes the ticket's
 * orchestration through the invocation's Durable client, when it has one.
 */
import type { InvocationContext } from '@azure/functions';
import { appTicketServices, invocationLifecycle } from '../ticket-service/app-ticket-services';
import type { LifecycleControl } from '../orchestration/lifecycle-control';
import type { TicketServices } from '../ticket-service/ticket-services';
import type { QueuePage } from '../store/queue-page';
import type { TicketRead } from '../store/ticket-repository';
import type { StoreSetup } from '../store/local-store';
import type { TicketNumber } from '../domain/ticket/ticket-number';
import type { TicketApiPort } from './ticket-api-port';

type SetupFailure = Extract<StoreSetup, { kind: 'failed' }>;

export function ticketApiPort(services: TicketServices, lifecycle: LifecycleControl | undefined): TicketApiPort {
  const ready = async (): Promise<SetupFailure | undefined> => {
    const setup = await services.ensureStore();
    return setup.kind === 'ready' ? undefined : setup;
  };
  return {
    async readTicket(ticketNumber): Promise<TicketRead> {
      const failed = await ready();
      return failed ?? services.repository.read(ticketNumber);
    },
    async queuePage(filter, request): Promise<QueuePage> {
      const failed = await ready();
      return failed ?? services.repository.queuePage(filter, request);
    },
    applyToTicket: (ticketNumber, decideCommands, now, options = {}) =>
      services.applyToTicket(ticketNumber, decideCommands, now, {
        ...options,
        ...(lifecycle === undefined ? {} : { signalTicketChanged: (changed: TicketNumber) => lifecycle.signalTicketChanged(changed) }),
      }),
    accessTokenOf: (ticketNumber) => services.accessToken(ticketNumber),
    orgConfig: () => services.orgConfig(),
    now: () => services.clock.now().toISOString(),
  };
}

/** The port for one invocation of an HTTP function registered with a Durable client input. */
export function appTicketApiPort(context: InvocationContext): TicketApiPort {
  return ticketApiPort(appTicketServices(), invocationLifecycle(context));
}
