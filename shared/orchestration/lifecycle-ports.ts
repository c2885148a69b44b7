/**
 * What the lifecycle's activities and timers need from the outside world, as one port: the ticket
 * service (read, list, and `applyToTicket`, the very function the ticket service implements it
 * with), the organisation's configuration, the vendor's API and the email outbox. `lifecyclePorts()` wires the real ones once per process, on the ticket
 * services' own Cosmos client (one client per endpoint per process); tests hand in fakes.
 */
import type { OrgConfig } from '../domain/org/org-config';
import type { TicketNumber } from '../domain/ticket/ticket-number';
import type { TicketStatus } from '../domain/ticket/ticket-status';
import type { AssigneeLoads } from '../store/assignee-loads';
import { vendorAuthFromConfig } from '../config/vendor-auth';
import { enqueue, type Enqueued } from '../email/enqueue';
import type { OutboxDraft } from '../email/outbox-message';
import type { OrgConfigRead, OrgConfigSource } from '../org-config/org-config-source';
import { OUTBOX_CONTAINER } from '../store/containers';
import type { ApplyToTicket } from '../ticket-service/apply-to-ticket';
import { appTicketServices } from '../ticket-service/app-ticket-services';
import type { QueueViewFilter, TicketList, TicketRead } from '../store/ticket-repository';
import { createVendorClient, type VendorClient } from '../vendor/vendor-client';

export interface LifecyclePorts {
  readTicket(ticketNumber: TicketNumber): Promise<TicketRead>;
  readonly applyToTicket: ApplyToTicket;
  listTickets(filter: QueueViewFilter): Promise<TicketList>;
  /** How many tickets in `statuses` each engineer carries (their assignees' ids only). */
  assigneeLoads(statuses: readonly TicketStatus[], maxItems: number): Promise<AssigneeLoads>;
  readonly orgConfig: OrgConfigSource;
  readonly vendor: VendorClient;
  /**
   * Emails about no single ticket event (the TAM digests), into the same outbox as the ticket
   * service's notifications; idempotent by id. Emails about ticket events go out with the events.
   */
  enqueueEmail(draft: OutboxDraft): Promise<Enqueued>;
  /** Base of the links put in those emails. */
  readonly publicBaseUrl: string;
}

let processPorts: LifecyclePorts | undefined;

/** The process's ports, on the app's ticket services, built on first use and kept. */
export function lifecyclePorts(): LifecyclePorts {
  if (processPorts) return processPorts;
  const services = appTicketServices();
  const config = services.config;
  const outbox = services.cosmosClient.database(config.cosmos.database).container(OUTBOX_CONTAINER);
  const vendor = createVendorClient({ baseUrl: config.vendorApiBaseUrl, auth: vendorAuthFromConfig(config) });
  processPorts = {
    readTicket: (ticketNumber) => services.repository.read(ticketNumber),
    applyToTicket: services.applyToTicket,
    listTickets: (filter) => services.repository.queueView(filter),
    assigneeLoads: (statuses, maxItems) => services.repository.assigneeLoads(statuses, maxItems),
    orgConfig: services.orgConfig,
    vendor,
    async enqueueEmail(draft) {
      const setup = await services.ensureStore();
      if (setup.kind !== 'ready') return { kind: 'failed', failure: setup.failure };
      return enqueue(outbox, draft, services.clock);
    },
    publicBaseUrl: config.publicBaseUrl,
  };
  return processPorts;
}

/** The organisation's configuration, or an error an activity lets Durable retry. */
export async function requireOrg(ports: Pick<LifecyclePorts, 'orgConfig'>, read?: OrgConfigRead): Promise<OrgConfig> {
  const load = await ports.orgConfig(read);
  if (load.kind === 'loaded') return load.config;
  throw new Error(load.kind === 'failed' ? `organisation configuration unavailable: ${load.failure.kind}` : `organisation configuration ${load.kind}`);
}
