import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as https from 'node:https';
import * as path from 'node:path';
import { CosmosClient, ErrorResponse, type Container } from '@azure/cosmos';
import {
  cosmosClientOptionsForStandIn,
  startCosmosStandIn,
  type CosmosStandIn,
} from '../../../infra/local/services/cosmos-standin';

interface TicketDocument {
  id: string;
  tenantId: string;
  title: string;
  revision: number;
}

function statusCodeOf(error: unknown): unknown {
  return error instanceof ErrorResponse ? error.code : undefined;
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the operation to fail');
}

describe('Cosmos DB stand-in', () => {
  let dataDir: string;
  let standIn: CosmosStandIn;
  let client: CosmosClient;

  const ticketsContainer = async (): Promise<Container> => {
    const { database } = await client.databases.createIfNotExists({ id: 'baton' });
    const { container } = await database.containers.createIfNotExists({
      id: 'tickets',
      partitionKey: { paths: ['/tenantId'] },
      uniqueKeyPolicy: { uniqueKeys: [{ paths: ['/title'] }] },
    });
    return container;
  };

  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'baton-cosmos-'));
    standIn = await startCosmosStandIn({ port: 0, dataFile: path.join(dataDir, 'cosmos.json') });
    client = new CosmosClient(cosmosClientOptionsForStandIn(standIn.endpoint, standIn.key));
  });

  afterEach(async () => {
    client.dispose();
    await standIn.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates, reads, replaces and deletes documents through the real SDK', async () => {
    const tickets = await ticketsContainer();
    const ticket: TicketDocument = { id: 't-1', tenantId: 'contoso', title: 'VPN down', revision: 1 };
    await tickets.items.create(ticket);

    const { resource: read } = await tickets.item('t-1', 'contoso').read<TicketDocument>();
    expect(read).toMatchObject(ticket);

    await tickets.item('t-1', 'contoso').replace({ ...ticket, revision: 2 });
    const { resources } = await tickets.items
      .query<TicketDocument>({
        query: 'SELECT * FROM c WHERE c.tenantId = @tenant ORDER BY c.revision DESC',
        parameters: [{ name: '@tenant', value: 'contoso' }],
      })
      .fetchAll();
    expect(resources.map((doc) => doc.revision)).toEqual([2]);

    await tickets.item('t-1', 'contoso').delete();
    const { statusCode } = await tickets.item('t-1', 'contoso').read();
    expect(statusCode).toBe(404);
  });

  it('rejects a duplicate id with 409', async () => {
    const tickets = await ticketsContainer();
    await tickets.items.create({ id: 't-2', tenantId: 'contoso', title: 'Mail bounce', revision: 1 });
    const error = await rejectionOf(
      tickets.items.create({ id: 't-2', tenantId: 'contoso', title: 'Other', revision: 1 }),
    );
    expect(statusCodeOf(error)).toBe(409);
  });

  it('refuses a replace with a stale ETag (412)', async () => {
    const tickets = await ticketsContainer();
    const { etag: firstEtag } = await tickets.items.create({
      id: 't-3',
      tenantId: 'contoso',
      title: 'Printer',
      revision: 1,
    });
    await tickets.item('t-3', 'contoso').replace({ id: 't-3', tenantId: 'contoso', title: 'Printer', revision: 2 });

    const error = await rejectionOf(
      tickets
        .item('t-3', 'contoso')
        .replace(
          { id: 't-3', tenantId: 'contoso', title: 'Printer', revision: 3 },
          { accessCondition: { type: 'IfMatch', condition: firstEtag ?? '' } },
        ),
    );
    expect(statusCodeOf(error)).toBe(412);
  });

  it('keeps databases, container definitions, documents and ETags across a restart', async () => {
    const tickets = await ticketsContainer();
    const { etag } = await tickets.items.create({ id: 't-4', tenantId: 'fabrikam', title: 'SSO', revision: 7 });

    await standIn.restart();

    const { resource: definition } = await client.database('baton').container('tickets').read();
    expect(definition?.partitionKey?.paths).toEqual(['/tenantId']);
    expect(definition?.uniqueKeyPolicy?.uniqueKeys).toEqual([{ paths: ['/title'] }]);
    const { resource: read } = await tickets.item('t-4', 'fabrikam').read<TicketDocument>();
    expect(read).toMatchObject({ id: 't-4', tenantId: 'fabrikam', title: 'SSO', revision: 7 });
    expect(read?._etag).toBe(etag);
    // The unique key came back too: a second document with the same title is refused.
    const error = await rejectionOf(
      tickets.items.create({ id: 't-5', tenantId: 'fabrikam', title: 'SSO', revision: 1 }),
    );
    expect(statusCodeOf(error)).toBe(409);
  });

  it('reloads the snapshot in a new stand-in started on the same data file', async () => {
    const dataFile = path.join(dataDir, 'cosmos.json');
    const tickets = await ticketsContainer();
    await tickets.items.create({ id: 't-6', tenantId: 'contoso', title: 'Teams', revision: 1 });
    await standIn.stop();
    const snapshot: unknown = JSON.parse(readFileSync(dataFile, 'utf8'));
    expect(snapshot).toMatchObject({ format: 'baton.cosmos-standin.snapshot/1' });

    client.dispose();
    standIn = await startCosmosStandIn({ port: 0, dataFile });
    client = new CosmosClient(cosmosClientOptionsForStandIn(standIn.endpoint, standIn.key));
    const { resource } = await client
      .database('baton')
      .container('tickets')
      .item('t-6', 'contoso')
      .read<TicketDocument>();
    expect(resource?.title).toBe('Teams');
  });

  it('snapshots a changed account on its own, without waiting for stop', async () => {
    const dataFile = path.join(dataDir, 'periodic.json');
    const periodic = await startCosmosStandIn({ port: 0, dataFile, snapshotIntervalMs: 10 });
    const periodicClient = new CosmosClient(cosmosClientOptionsForStandIn(periodic.endpoint, periodic.key));
    try {
      await periodicClient.databases.create({ id: 'periodic' });
      let content = '';
      while (!content.includes('"periodic"')) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        content = existsSync(dataFile) ? readFileSync(dataFile, 'utf8') : '';
      }
      expect(JSON.parse(content)).toMatchObject({ databases: [{ definition: { id: 'periodic' } }] });
    } finally {
      periodicClient.dispose();
      await periodic.stop();
    }
  });

  it('surfaces an outage as a 503 error after at most one attempt, then recovers', async () => {
    const tickets = await ticketsContainer();
    standIn.setUnavailable(true);

    const writeError = await rejectionOf(
      tickets.items.create({ id: 't-7', tenantId: 'contoso', title: 'Outage', revision: 1 }),
    );
    expect(statusCodeOf(writeError)).toBe(503);
    const readError = await rejectionOf(tickets.item('t-7', 'contoso').read());
    expect(statusCodeOf(readError)).toBe(503);
    // No hidden retry loop: each call reached the stand-in exactly once before failing.
    expect(standIn.refusedRequests()).toBe(2);

    standIn.setUnavailable(false);
    const { statusCode } = await tickets.items.create({ id: 't-7', tenantId: 'contoso', title: 'Outage', revision: 1 });
    expect(statusCode).toBe(201);
  });

  it('is taken down and brought back over HTTP, so an operator can rehearse a store outage on a running stack', async () => {
    const tickets = await ticketsContainer();
    const control = (unavailable: boolean) =>
      new Promise<{ status: number | undefined; body: string }>((resolve, reject) => {
        const request = https.request(
          `${standIn.endpoint}_control/unavailable`,
          { method: 'POST', rejectUnauthorized: false, headers: { 'content-type': 'application/json' } },
          (response) => {
            let body = '';
            response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
            response.on('end', () => resolve({ status: response.statusCode, body }));
          },
        );
        request.on('error', reject);
        request.end(JSON.stringify({ unavailable }));
      });

    expect(await control(true)).toEqual({ status: 200, body: JSON.stringify({ unavailable: true }) });
    expect(statusCodeOf(await rejectionOf(tickets.item('t-8', 'contoso').read()))).toBe(503);
    expect(await control(false)).toEqual({ status: 200, body: JSON.stringify({ unavailable: false }) });
    const { statusCode } = await tickets.items.create({ id: 't-8', tenantId: 'contoso', title: 'Back', revision: 1 });
    expect(statusCode).toBe(201);
  });

  it('answers 503 to a client that starts during the outage, even with default SDK options', async () => {
    standIn.setUnavailable(true);
    const defaultClient = new CosmosClient({
      ...cosmosClientOptionsForStandIn(standIn.endpoint, standIn.key),
      connectionPolicy: undefined,
    });
    try {
      const error = await rejectionOf(defaultClient.database('baton').read());
      expect(statusCodeOf(error)).toBe(503);
    } finally {
      defaultClient.dispose();
    }
  });
});
