/**
 * What the console's list pages need from the ticket service: the organisation, the time, the
 * open tickets (see `open-ticket-index`), and the one way a ticket changes, which the
 * queue's assign form goes through exactly as the JSON API's `assign` does. Handlers take this
 * port, so their tests can hand them tickets in memory.
 */
import type { InvocationContext } from '@azure/functions';
import { appTicketApiPort } from '../../http-api/app-ticket-api';
import type { TicketApiPort } from '../../http-api/ticket-api-port';
import { ticketsByNumber, type OpenTicketSummaries, type OpenTicketSummary } from '../../store/console-queries';
import { TICKETS_CONTAINER } from '../../store/containers';
import { openTicketIndex, type OpenTicketIndex } from '../../store/open-ticket-index';
import type { TicketList } from '../../store/ticket-repository';
import { appTicketServices } from '../../ticket-service/app-ticket-services';
import type { TicketServices } from '../../ticket-service/ticket-services';

export interface ConsolePort extends Pick<TicketApiPort, 'orgConfig' | 'now' | 'applyToTicket'> {
  /**
   * The open tickets from the instance's index; `afterAChange` when the person was just sent here by
   * a change they made, which another instance (or worker process) may have written: the index then
   * catches up with the store before answering, so the list shows it.
   */
  openTicketSummaries(read?: { readonly afterAChange?: boolean }): Promise<OpenTicketSummaries>;
  openTicketsAssignedTo(engineerId: string): Promise<TicketList>;
  openTicketsUnderContracts(contractIds: readonly string[]): Promise<TicketList>;
}

/** One index per set of services, so every request of the instance shares what it holds. */
const indexes = new WeakMap<TicketServices, OpenTicketIndex>();

function indexOf(services: TicketServices): OpenTicketIndex {
  let index = indexes.get(services);
  if (index === undefined) {
    index = openTicketIndex(services.cosmosClient.database(services.config.cosmos.database).container(TICKETS_CONTAINER));
    indexes.set(services, index);
  }
  return index;
}

/**
 * The console's reads on the services' store, after the store is set up (locally, on first use):
 * the lists from the instance's open-ticket index, whole tickets by number from the repository.
 */
export function consolePort(services: TicketServices, api: Pick<TicketApiPort, 'orgConfig' | 'now' | 'applyToTicket'>): ConsolePort {
  const index = indexOf(services);
  const summaries = async (read?: { readonly afterAChange?: boolean }): Promise<OpenTicketSummaries> => {
    const setup = await services.ensureStore();
    if (setup.kind !== 'ready') return setup;
    if (read?.afterAChange === true) index.invalidate();
    return index.summaries();
  };
  const wholeTicketsWhere = async (chosen: (summary: OpenTicketSummary) => boolean): Promise<TicketList> => {
    const read = await summaries();
    if (read.kind === 'failed') return read;
    return ticketsByNumber(services.repository, read.summaries.filter(chosen).map((summary) => summary.ticketNumber));
  };
  return {
    orgConfig: () => api.orgConfig(),
    now: () => api.now(),
    async applyToTicket(ticketNumber, decideCommands, now, options) {
      const result = await api.applyToTicket(ticketNumber, decideCommands, now, options);
      // Whoever changed a ticket here sees the change on the next list they open.
      index.invalidate();
      return result;
    },
    openTicketSummaries: summaries,
    openTicketsAssignedTo: (engineerId) => wholeTicketsWhere((summary) => summary.assignee?.engineerId === engineerId),
    openTicketsUnderContracts: (contractIds) => wholeTicketsWhere((summary) => summary.contractId !== undefined && contractIds.includes(summary.contractId)),
  };
}

/** The port for one invocation; its commands wake the ticket's lifecycle through the invocation's Durable client. */
export function appConsolePort(context: InvocationContext): ConsolePort {
  return consolePort(appTicketServices(), appTicketApiPort(context));
}
