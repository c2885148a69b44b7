/**
 * Baton on the whole offline stack for the lifecycle's end-to-end tests: HTTP in (intake, the
 * requester's actions, staff commands with dev-issuer tokens), email out (the email stand-in's
 * mailbox), a virtual clock, and the vendor stand-in calling back with signed updates. The
 * organisation is `E2E_ORG`, written to the config container before the first ticket.
 */
import { CosmosClient } from '@azure/cosmos';
import { TableClient } from '@azure/data-tables';
import { cosmosClientOptionsForStandIn } from '../../../../infra/local/services/cosmos-standin';
import type { StoredEmail } from '../../../../infra/local/services/email-schemas';
import { startLocalStack, type LocalStack } from '../../../../infra/local/stack';
import type { OrgConfig } from '../../../../shared/domain/org/org-config';
import type { StaffRole } from '../../../../shared/auth/staff-token';
import { TicketSchema, type Ticket } from '../../../../shared/domain/ticket/ticket';
import { VENDOR_CALLBACK_SECRET_SETTING } from '../../../../shared/vendor/vendor-callback-secrets';
import { ORG_CONFIG_DOCUMENT_ID } from '../../../../shared/org-config/org-config-document';
import { BATON_DATABASE, CONFIG_CONTAINER, TICKETS_CONTAINER } from '../../../../shared/store/containers';
import { IntakeAnswerSchema, type IntakeAnswer } from '../../../../shared/intake/intake-answer';
import { ensureLocalStore } from '../../../../shared/store/local-store';
import { ensureCompiled } from '../../../integration/http-api/support/compiled-app';
import { E2E_ORG } from './e2e-org';

/** Not a secret: the stand-in and the host share it for this test run only. */
const CALLBACK_SECRET = 'lifecycle-e2e-vendor-callback-secret';

export interface StaffMember {
  /** The token's oid: the roster id for engineers and team leads, whom staff are matched to by it. */
  readonly id?: string;
  readonly name: string;
  readonly email: string;
  readonly roles: readonly StaffRole[];
}

export interface LifecycleStack {
  readonly stack: LocalStack;
  /** POST /api/tickets; throws unless accepted. */
  openTicket(body: Record<string, unknown>): Promise<IntakeAnswer>;
  /** POST /api/tickets/{n}/{suffix} with the requester's token. */
  requester(answer: IntakeAnswer, suffix: string, body?: Record<string, unknown>): Promise<Response>;
  /** POST /api/staff/tickets/{n}/commands as this staff member. */
  staff(member: StaffMember, ticketNumber: string, body: Record<string, unknown>): Promise<Response>;
  ticket(ticketNumber: string): Promise<Ticket>;
  /** The runtime status of the ticket's orchestration in the task hub (Running, Completed…). */
  lifecycleStatus(ticketNumber: string): Promise<string | undefined>;
  /** Messages about this ticket (its number in the subject), oldest first. */
  mailAbout(ticketNumber: string): StoredEmail[];
  advance(ms: number): Promise<Date>;
  advanceTo(instant: string): Promise<Date>;
  /**
   * Moves to `instant` with the host down and starts it there, as after a scale-to-zero: cheap for
   * long stretches (the host's minute timers are not stepped through), and anything due in the
   * stretch fires at the restart. Use it only where nothing under test falls due.
   */
  quietlyTo(instant: string): Promise<void>;
  stop(): Promise<void>;
}

export function staffMember(engineerId: string, roles: readonly StaffRole[] = ['engineer']): StaffMember {
  const engineer = E2E_ORG.roster.engineers.find((candidate) => candidate.id === engineerId);
  if (engineer === undefined) throw new Error(`${engineerId} is not on the roster`);
  return { id: engineer.id, name: engineer.name, email: engineer.email, roles };
}

export interface LifecycleStackOptions {
  /** Where the virtual clock starts; without it the stack runs on real time (for lateness figures). */
  readonly startAt?: string;
  readonly org?: OrgConfig;
  /** App settings that win over the stack's, e.g. a counting proxy in front of the Cosmos stand-in. */
  readonly settings?: Readonly<Record<string, string>>;
  /** Runs once the services are up, before the host is restarted onto the organisation. */
  readonly prepare?: (stack: LocalStack) => void;
}

export async function startLifecycleStack(options: LifecycleStackOptions): Promise<LifecycleStack> {
  ensureCompiled();
  const startAt = options.startAt;
  const stack = await startLocalStack({
    clock: startAt === undefined ? { virtual: false } : { virtual: true, startAt },
    hostLogLevel: 'warn',
    settings: { [VENDOR_CALLBACK_SECRET_SETTING]: CALLBACK_SECRET, ...options.settings },
  });
  const cosmos = stack.services.cosmos;
  const email = stack.services.email;
  const vendor = stack.services.vendor;
  if (!cosmos || !email || !vendor) throw new Error('the lifecycle tests need the Cosmos, email and vendor stand-ins');
  const clientOptions = cosmosClientOptionsForStandIn(cosmos.endpoint, cosmos.key);
  const client = new CosmosClient(clientOptions);
  const stop = async (): Promise<void> => {
    client.dispose();
    clientOptions.agent?.destroy();
    await stack.stop();
  };
  try {
    const setup = await ensureLocalStore(client, BATON_DATABASE);
    if (setup.kind !== 'ready') throw new Error(`the store could not be set up: ${setup.failure.kind}`);
    await client
      .database(BATON_DATABASE)
      .container(CONFIG_CONTAINER)
      .items.upsert({ id: ORG_CONFIG_DOCUMENT_ID, config: options.org ?? E2E_ORG, source: 'lifecycle end-to-end tests', updatedAt: stack.now().toISOString() });
    vendor.configureCallback({ url: `${stack.urls.host}/api/vendor/callback`, secret: CALLBACK_SECRET });
    options.prepare?.(stack);
    // The host may have seeded and cached the sample organisation at start-up; a new one reads E2E_ORG.
    await stack.restartHost();
  } catch (error) {
    await stop();
    throw error;
  }
  const tickets = client.database(BATON_DATABASE).container(TICKETS_CONTAINER);
  const identity = stack.services.identity;
  // On real time there is nothing to step through: the work a request caused runs by itself.
  const settle = async (): Promise<void> => {
    if (stack.virtualClock) await stack.advanceClock(0);
  };
  const instances = TableClient.fromConnectionString(stack.settings.AzureWebJobsStorage ?? '', `${stack.settings.BATON_TASK_HUB ?? ''}Instances`, {
    allowInsecureConnection: true,
  });

  return {
    stack,
    async openTicket(body) {
      const response = await fetch(`${stack.urls.host}/api/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (response.status !== 202) throw new Error(`intake answered ${String(response.status)}: ${await response.text()}`);
      const answer = IntakeAnswerSchema.parse(await response.json());
      await settle();
      return answer;
    },
    async requester(answer, suffix, body = {}) {
      const response = await fetch(`${stack.urls.host}/api/tickets/${answer.ticketNumber}/${suffix}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${answer.accessToken}` },
        body: JSON.stringify(body),
      });
      await settle();
      return response;
    },
    async staff(member, ticketNumber, body) {
      if (!identity) throw new Error('the stack runs without its dev issuer');
      const token = await identity.mintToken({ ...(member.id === undefined ? {} : { id: member.id }), name: member.name, email: member.email, roles: [...member.roles] });
      const response = await fetch(`${stack.urls.host}/api/staff/tickets/${ticketNumber}/commands`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      await settle();
      return response;
    },
    async ticket(ticketNumber) {
      const { resource } = await tickets.item(ticketNumber, ticketNumber).read<Record<string, unknown>>();
      return TicketSchema.parse(resource);
    },
    async lifecycleStatus(ticketNumber) {
      for await (const row of instances.listEntities<Record<string, unknown>>({ queryOptions: { filter: `InstanceId eq '${ticketNumber}'` } })) {
        return typeof row.RuntimeStatus === 'string' ? row.RuntimeStatus : undefined;
      }
      return undefined;
    },
    mailAbout(ticketNumber) {
      return email.messages().filter((message) => message.subject.includes(ticketNumber));
    },
    advance: (ms) => stack.advanceClock(ms),
    advanceTo: (instant) => stack.advanceClockTo(instant),
    async quietlyTo(instant) {
      await stack.advanceClock(0);
      await stack.killHost();
      await stack.advanceClockTo(instant);
      await stack.restartHost();
      await stack.advanceClock(0);
    },
    stop,
  };
}
