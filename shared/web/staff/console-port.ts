/**
 * What the console's list pages need from the ticket service: the organisation, the time, the
 * store's console reads (see `console-queries`), and the one way a ticket changes, which the
 * queue's assign form goes through exactly as the JSON API's `assign` does. Handlers take this
 * port, so their tests can hand them tickets in memory.
 */
import type { InvocationContext } from '@azure/functions';
import type { Container } from '@azure/cosmos';
import { appTicketApiPort } from '../../http-api/app-ticket-api';
import type { TicketApiPort } from '../../http-api/ticket-api-port';
import { TICKETS_CONTAINER } from '../../store/containers';
import {
  openTicketsAssignedTo,
  openTicketsUnderContracts,
  openTicketSummaries,
  type OpenTicketSummaries,
} from '../../store/console-queries';
import type { TicketList } from '../../store/ticket-repository';
import { appTicketServices } from '../../ticket-service/app-ticket-services';
import type { TicketServices } from '../../ticket-service/ticket-services';

export interface ConsolePort extends Pick<TicketApiPort, 'orgConfig' | 'now' | 'applyToTicket'> {
  openTicketSummaries(): Promise<OpenTicketSummaries>;
  openTicketsAssignedTo(engineerId: string): Promise<TicketList>;
  openTicketsUnderContracts(contractIds: readonly string[]): Promise<TicketList>;
}

/** The console's reads on the services' store, after the store is set up (locally, on first use). */
export function consolePort(services: TicketServices, api: Pick<TicketApiPort, 'orgConfig' | 'now' | 'applyToTicket'>): ConsolePort {
  const tickets: Container = services.cosmosClient.database(services.config.cosmos.database).container(TICKETS_CONTAINER);
  const whenReady = async <T>(read: () => Promise<T>): Promise<T | Extract<TicketList, { kind: 'failed' }>> => {
    const setup = await services.ensureStore();
    return setup.kind === 'ready' ? read() : setup;
  };
  return {
    orgConfig: () => api.orgConfig(),
    now: () => api.now(),
    applyToTicket: (ticketNumber, decideCommands, now) => api.applyToTicket(ticketNumber, decideCommands, now),
    openTicketSummaries: () => whenReady(() => openTicketSummaries(tickets)),
    openTicketsAssignedTo: (engineerId) => whenReady(() => openTicketsAssignedTo(tickets, engineerId)),
    openTicketsUnderContracts: (contractIds) => whenReady(() => openTicketsUnderContracts(tickets, contractIds)),
  };
}

/** The port for one invocation; its commands wake the ticket's lifecycle through the invocation's Durable client. */
export function appConsolePort(context: InvocationContext): ConsolePort {
  return consolePort(appTicketServices(), appTicketApiPort(context));
}
