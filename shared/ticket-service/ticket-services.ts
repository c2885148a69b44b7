/**
 * The ticket application service, wired to the real Cosmos DB and ACS Email clients of the
 * configuration: one client of each per process (per app instance), shared by every invocation.
 * HTTP functions and orchestrator activities both go through it.
 */
import { teamsPoster } from '../teams/post-card';
import type { Container, CosmosClient } from '@azure/cosmos';
import type { EmailClient } from '@azure/communication-email';
import type { OrgConfig } from '../domain/org/org-config';
import type { TicketNumber } from '../domain/ticket/ticket-number';
import { deriveRequesterToken } from '../auth/requester-token';
import { systemClock, type Clock } from '../clock';
import type { BatonConfig } from '../config/config-schema';
import { cosmosClientFromConfig } from '../config/cosmos-client';
import { emailClientFromConfig } from '../config/email-client';
import { deliverDueMessages, type DeliveryReport } from '../email/deliver-due-messages';
import { cachedOrgConfigSource, type OrgConfigSource } from '../org-config/org-config-source';
import { registerCustomerContact, type CustomerContactRequest, type StoredContactRegistration } from '../org-config/register-customer-contact';
import { CONFIG_CONTAINER, IDEMPOTENCY_CONTAINER, OUTBOX_CONTAINER, TICKETS_CONTAINER } from '../store/containers';
import { cachedAccessSecret } from '../auth/access-secret';
import { ticketChanges, type ApplyToTicket } from './apply-to-ticket';
import type { LifecycleControl } from '../orchestration/lifecycle-control';
import { ensureLocalStore, type StoreSetup } from '../store/local-store';
import { unavailableOrFailed } from '../store/store-failure';
import { openTicket, type OpenTicketRequest, type OpenTicketResult } from '../intake/open-ticket';
import { repairLifecycles, type RepairReport } from '../orchestration/repair-lifecycles';
import { settleNotificationDebts, type DebtSweepReport } from '../email/settle-notification-debts';
import { ticketNotifier, type AccessTokenSource, type TicketNotifier } from '../email/ticket-notifier';
import { cosmosTicketRepository, type TicketRepository } from '../store/ticket-repository';

/** Every token handed out so far is version 1; a rotation would bump it together with the stored hash. */
export const ACCESS_VERSION = 1;
/** How long a command waits for its emails to go out (and intake lets them try) before leaving them to the timer. */
export const PROMPT_DELIVERY_BUDGET_MS = 3_000;

export interface TicketServices {
  readonly config: BatonConfig;
  readonly clock: Clock;
  /**
   * The Cosmos client every store call of these services goes through (the process's shared one
   * unless the caller handed its own): whatever else the process writes to the store uses it too,
   * so a process holds one client, with one connection pool, per endpoint.
   */
  readonly cosmosClient: CosmosClient;
  readonly repository: TicketRepository;
  readonly orgConfig: OrgConfigSource;
  /** The requester's access token of a ticket (derived: the same every time). */
  readonly accessToken: AccessTokenSource;
  readonly notify: TicketNotifier;
  /** Locally, creates the database and containers once; in Azure they exist already. */
  ensureStore(): Promise<StoreSetup>;
  openTicket(request: OpenTicketRequest): Promise<OpenTicketResult>;
  /** The one way a ticket changes after intake; the lifecycle's ports hold this same function. */
  readonly applyToTicket: ApplyToTicket;
  repairLifecycles(lifecycle: LifecycleControl, now: Date): Promise<RepairReport>;
  /** Queues the emails tickets have owed for longer than a writer needs (see `settle-notification-debts`). */
  settleNotificationDebts(now: Date): Promise<DebtSweepReport>;
  deliverDueEmails(): Promise<DeliveryReport>;
  /** The support desk registers a customer contact; this process reads the configuration afresh, others within their cache time. */
  registerCustomerContact(request: CustomerContactRequest): Promise<StoredContactRegistration>;
}

export interface TicketServiceOptions {
  readonly clock?: Clock;
  /** Tests and the bench hand in their own clients; by default the process-wide ones are used. */
  readonly cosmosClient?: CosmosClient;
  readonly emailClient?: Pick<EmailClient, 'beginSend'>;
  readonly promptDeliveryBudgetMs?: number;
}

const cosmosClients = new Map<string, CosmosClient>();
const emailClients = new Map<string, EmailClient>();

function clientKey(config: BatonConfig, ...parts: string[]): string {
  return [config.environment, ...parts].join('|');
}

function sharedCosmosClient(config: BatonConfig): CosmosClient {
  const key = clientKey(config, config.cosmos.endpoint);
  const existing = cosmosClients.get(key);
  if (existing) return existing;
  const created = cosmosClientFromConfig(config);
  cosmosClients.set(key, created);
  return created;
}

function sharedEmailClient(config: BatonConfig): EmailClient {
  const key = clientKey(config, config.email.auth.kind === 'managed-identity' ? config.email.auth.endpoint : config.email.auth.connectionString);
  const existing = emailClients.get(key);
  if (existing) return existing;
  const created = emailClientFromConfig(config);
  emailClients.set(key, created);
  return created;
}

/** Runs the setup once; a failure is forgotten so that the next call tries again. */
function onceUntilReady(setup: () => Promise<StoreSetup>): () => Promise<StoreSetup> {
  let outcome: Promise<StoreSetup> | undefined;
  return () => {
    outcome ??= setup().then((result) => {
      if (result.kind !== 'ready') outcome = undefined;
      return result;
    });
    return outcome;
  };
}

/** How long a message queued for a prompt send is kept from the timer: the send's timeout and a margin. */
export function promptDeliveryLeaseMs(sendTimeoutMs: number): number {
  return sendTimeoutMs + 30_000;
}

export function createTicketServices(config: BatonConfig, options: TicketServiceOptions = {}): TicketServices {
  const clock = options.clock ?? systemClock;
  const cosmos = options.cosmosClient ?? sharedCosmosClient(config);
  const emailClient = options.emailClient ?? sharedEmailClient(config);
  const database = cosmos.database(config.cosmos.database);
  const container = (id: string): Container => database.container(id);
  const tickets = container(TICKETS_CONTAINER);
  const outbox = container(OUTBOX_CONTAINER);
  const configuration = container(CONFIG_CONTAINER);
  const idempotency = container(IDEMPOTENCY_CONTAINER);

  const ensureStore = config.environment === 'local' ? onceUntilReady(() => ensureLocalStore(cosmos, config.cosmos.database)) : async (): Promise<StoreSetup> => ({ kind: 'ready' });
  const orgSource = cachedOrgConfigSource({ container: configuration, clock, seedSampleWhenAbsent: config.environment === 'local' });
  const orgConfig: OrgConfigSource = async (read) => {
    const setup = await ensureStore();
    return setup.kind === 'ready' ? orgSource(read) : setup;
  };
  const loadedOrgConfig = async (): Promise<OrgConfig | undefined> => {
    const load = await orgConfig();
    return load.kind === 'loaded' ? load.config : undefined;
  };
  const accessSecret = cachedAccessSecret(configuration, clock);
  const issueToken = async (ticketNumber: TicketNumber) => {
    const setup = await ensureStore();
    if (setup.kind !== 'ready') return { ok: false as const, failure: setup.failure };
    const secret = await accessSecret();
    if (secret.kind === 'ready') return { ok: true as const, issued: deriveRequesterToken(secret.secret, ticketNumber, ACCESS_VERSION) };
    return { ok: false as const, failure: secret.kind === 'failed' ? secret.failure : { kind: 'unexpected' as const, reason: secret.reason } };
  };
  const accessToken: AccessTokenSource = async (ticketNumber) => {
    const issued = await issueToken(ticketNumber);
    return issued.ok ? { ok: true, token: issued.issued.token } : { ok: false, reason: `access secret: ${issued.failure.kind}` };
  };
  const delivery = {
    container: outbox,
    emailClient,
    senderAddress: config.email.senderAddress,
    teams: teamsPoster(config.teamsWebhooks),
    clock,
    pollIntervalMs: config.email.pollIntervalMs,
  };
  const notifier = (wait: boolean): TicketNotifier =>
    ticketNotifier({
      outbox,
      clock,
      publicBaseUrl: config.publicBaseUrl,
      senderAddress: config.email.senderAddress,
      ...(config.email.replyToAddress === undefined ? {} : { replyToAddress: config.email.replyToAddress }),
      teamsWebhooks: config.teamsWebhooks,
      accessToken,
      promptDelivery: {
        options: { ...delivery, leaseMs: promptDeliveryLeaseMs(config.email.sendTimeoutMs) },
        budgetMs: options.promptDeliveryBudgetMs ?? PROMPT_DELIVERY_BUDGET_MS,
        wait,
      },
    });
  // Commands (and the activities behind SLA alerts) wait for their emails, within the budget;
  // intake answers the requester first and sends the received email right behind the answer.
  const notify = notifier(true);
  const notifyBehindAnswer = notifier(false);
  const repository = cosmosTicketRepository(tickets);

  return {
    config,
    clock,
    cosmosClient: cosmos,
    repository,
    orgConfig,
    accessToken,
    notify,
    ensureStore,
    async openTicket(request) {
      const setup = await ensureStore();
      if (setup.kind !== 'ready') return unavailableOrFailed(setup.failure, 'store setup');
      return openTicket({ repository, idempotency, issueToken, notify: notifyBehindAnswer, orgConfig: loadedOrgConfig }, request);
    },
    applyToTicket: ticketChanges({ repository, orgConfig, notify }),
    repairLifecycles(lifecycle, now) {
      return repairLifecycles({ repository, notify, orgConfig: loadedOrgConfig }, lifecycle, now);
    },
    async settleNotificationDebts(now) {
      const setup = await ensureStore();
      if (setup.kind !== 'ready') return { examined: 0, settled: [], stillOwing: [], undeliverable: [], storeFailure: setup.failure };
      return settleNotificationDebts({ repository, notify, orgConfig }, now);
    },
    deliverDueEmails() {
      return deliverDueMessages({ ...delivery, sendTimeoutMs: config.email.sendTimeoutMs });
    },
    async registerCustomerContact(request) {
      const setup = await ensureStore();
      if (setup.kind !== 'ready') return { kind: 'failed', failure: setup.failure };
      const registration = await registerCustomerContact(configuration, request, clock.now().toISOString());
      if (registration.kind === 'registered') orgSource.forget();
      return registration;
    },
  };
}
