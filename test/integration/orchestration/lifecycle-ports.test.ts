/**
 * The lifecycle's ports as the app wires them, against the Cosmos and email stand-ins: the process
 * holds one Cosmos client, shared by the ticket service and the lifecycle's own outbox writes, and
 * the TAM digest lands in the same outbox as the ticket notifications, rendered, escaped and once a
 * day however often the timer runs.
 */
jest.mock('../../../shared/config/cosmos-client', () => {
  const actual = jest.requireActual<typeof import('../../../shared/config/cosmos-client')>('../../../shared/config/cosmos-client');
  return { ...actual, cosmosClientFromConfig: jest.fn(actual.cosmosClientFromConfig) };
});

import { randomUUID } from 'node:crypto';
import { CosmosClient } from '@azure/cosmos';
import { cosmosClientOptionsForStandIn, startCosmosStandIn, type CosmosStandIn } from '../../../infra/local/services/cosmos-standin';
import { startEmailStandIn, type EmailStandIn } from '../../../infra/local/services/email-standin';
import { cosmosClientFromConfig } from '../../../shared/config/cosmos-client';
import { EmailOutboxMessageSchema, type EmailOutboxMessage } from '../../../shared/email/outbox-message';
import { lifecyclePorts } from '../../../shared/orchestration/lifecycle-ports';
import { sendTamDigests } from '../../../shared/orchestration/send-tam-digests';
import { reconcileTicket } from '../../../shared/orchestration/reconcile-ticket';
import { OUTBOX_CONTAINER } from '../../../shared/store/containers';
import { appTicketServices } from '../../../shared/ticket-service/app-ticket-services';
import { sampleIntake } from '../ticket-service/support/sample-intake';

const RECEIVED_AT = new Date('2026-11-23T10:00:00.000Z');
/** Two hours on: the Severity A first response (one hour) has breached, so the TAM must hear of it. */
const MORNING_RUN = '2026-11-23T12:00:00.000Z';
const HOSTILE_TITLE = '<script>alert("title")</script> Finance cannot sign in';

let cosmos: CosmosStandIn;
let email: EmailStandIn;
let reader: CosmosClient;
const databaseId = `baton-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  [cosmos, email] = await Promise.all([startCosmosStandIn({ port: 0 }), startEmailStandIn({ port: 0 })]);
  // The test's own reader is built directly, so it is not counted among the app's clients.
  reader = new CosmosClient(cosmosClientOptionsForStandIn(cosmos.endpoint, cosmos.key));
  Object.assign(process.env, {
    BATON_ENVIRONMENT: 'local',
    BATON_COSMOS_ENDPOINT: cosmos.endpoint,
    BATON_COSMOS_KEY: cosmos.key,
    BATON_COSMOS_ALLOW_INSECURE_TLS: 'true',
    BATON_COSMOS_DATABASE: databaseId,
    BATON_EMAIL_CONNECTION_STRING: email.connectionString,
    BATON_EMAIL_SENDER_ADDRESS: 'DoNotReply@baton.test',
    BATON_EMAIL_POLL_INTERVAL_MS: '50',
    BATON_PUBLIC_BASE_URL: 'http://baton.test',
    BATON_STAFF_TOKEN_ISSUER: 'http://127.0.0.1:1/issuer',
    BATON_STAFF_TOKEN_AUDIENCE: 'api://baton',
    BATON_STAFF_TOKEN_JWKS_URI: 'http://127.0.0.1:1/jwks',
    BATON_VENDOR_API_BASE_URL: 'http://127.0.0.1:1/vendor',
    BATON_VENDOR_API_KEY: 'unused',
    BATON_TASK_HUB: 'BatonTest',
  });
});

afterAll(async () => {
  appTicketServices().cosmosClient.dispose();
  reader?.dispose();
  await Promise.all([cosmos?.stop(), email?.stop()]);
});

async function outboxMessages(template: string): Promise<EmailOutboxMessage[]> {
  const { resources } = await reader
    .database(databaseId)
    .container(OUTBOX_CONTAINER)
    .items.query({ query: 'SELECT * FROM c WHERE c.template = @template', parameters: [{ name: '@template', value: template }] })
    .fetchAll();
  return resources.map((row: unknown) => EmailOutboxMessageSchema.parse(row));
}

describe('the lifecycle on the app’s ticket services', () => {
  it('takes a ticket from intake to the TAM digest on one Cosmos client, into one outbox', async () => {
    const services = appTicketServices();
    const ports = lifecyclePorts();
    const intake = sampleIntake({
      severity: 'A',
      title: HOSTILE_TITLE,
      requester: { name: 'Ana Silva', email: 'ana.silva@contoso.com', timeZone: 'Europe/Lisbon', available24x7: true },
    });
    const opened = await services.openTicket({ intake, receivedAt: RECEIVED_AT });
    if (opened.kind !== 'accepted') throw new Error(`intake failed: ${opened.kind}`);
    const ticketNumber = opened.ticket.ticketNumber;
    await expect(reconcileTicket(ports, { ticketNumber, now: RECEIVED_AT.toISOString() })).resolves.toMatchObject({ status: 'assigned', finished: false });

    await expect(sendTamDigests(ports, MORNING_RUN)).resolves.toEqual({ queued: ['tom.reyes@css.example'], alreadyQueued: [] });
    await expect(sendTamDigests(ports, '2026-11-23T12:30:00.000Z')).resolves.toEqual({ queued: [], alreadyQueued: ['tom.reyes@css.example'] });

    const [digest, ...others] = await outboxMessages('tam-digest');
    expect(others).toEqual([]);
    expect(digest).toMatchObject({ ticketNumber, status: 'pending', to: [{ email: 'tom.reyes@css.example', name: 'Tom Reyes' }], subject: 'Your at-risk tickets, 2026-11-23: 1' });
    expect(digest?.html).not.toContain('<script');
    expect(digest?.html).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; Finance cannot sign in');
    expect(digest?.text).toContain(`${ticketNumber} · Sev A · Contoso Ltd · ${HOSTILE_TITLE} (assigned to an engineer)`);
    expect(digest?.text).toContain(`http://baton.test/staff/tickets/${ticketNumber}`);
    // The ticket service's own notification of the same ticket sits in the same container.
    expect((await outboxMessages('tam-alert')).map((message) => message.ticketNumber)).toEqual([ticketNumber]);

    expect(cosmosClientFromConfig).toHaveBeenCalledTimes(1);
  });
});
