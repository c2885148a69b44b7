/**
 * The Cosmos stand-in's promise: an acknowledged write is on disk before its answer. A copy of the
 * data folder taken the moment the answers arrive is what a process killed at that moment leaves
 * behind; a fresh stand-in started on the copy must hold every acknowledged write.
 */
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CosmosClient, type Container } from '@azure/cosmos';
import {
  cosmosClientOptionsForStandIn,
  startCosmosStandIn,
  type CosmosStandIn,
} from '../../../infra/local/services/cosmos-standin';

interface Ticket {
  id: string;
  tenantId: string;
  revision: number;
  notes?: string[];
  _etag?: string;
}

// Long enough that no periodic snapshot happens during a test: only the journal can keep the writes.
const NO_PERIODIC_SNAPSHOT_MS = 3_600_000;

describe('Cosmos DB stand-in write-ahead journal', () => {
  const started: Array<{ standIn: CosmosStandIn; client: CosmosClient }> = [];
  let dataDir: string;

  async function start(directory: string): Promise<{ standIn: CosmosStandIn; container: Container }> {
    const standIn = await startCosmosStandIn({
      port: 0,
      dataFile: path.join(directory, 'cosmos.json'),
      snapshotIntervalMs: NO_PERIODIC_SNAPSHOT_MS,
    });
    const client = new CosmosClient(cosmosClientOptionsForStandIn(standIn.endpoint, standIn.key));
    started.push({ standIn, client });
    const { database } = await client.databases.createIfNotExists({ id: 'baton' });
    const { container } = await database.containers.createIfNotExists({ id: 'tickets', partitionKey: { paths: ['/tenantId'] } });
    return { standIn, container };
  }

  /** The data folder as a SIGKILL right now would leave it (the page cache is what is on disk). */
  function crashCopy(): string {
    const copy = mkdtempSync(path.join(tmpdir(), 'baton-cosmos-crash-'));
    cpSync(dataDir, copy, { recursive: true });
    return copy;
  }

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'baton-cosmos-journal-'));
  });

  afterEach(async () => {
    for (const { standIn, client } of started.splice(0)) {
      client.dispose();
      await standIn.stop();
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged create, replace, patch, upsert and delete without a snapshot', async () => {
    const { container } = await start(dataDir);
    await Promise.all(
      Array.from({ length: 40 }, (_, index) => container.items.create<Ticket>({ id: `t-${index}`, tenantId: `tenant-${index % 3}`, revision: 1 })),
    );
    const { resource: replaced } = await container.item('t-1', 'tenant-1').replace<Ticket>({ id: 't-1', tenantId: 'tenant-1', revision: 2 });
    await container.item('t-2', 'tenant-2').patch([{ op: 'add', path: '/notes', value: ['patched'] }]);
    await container.items.upsert<Ticket>({ id: 't-3', tenantId: 'tenant-0', revision: 5 });
    await container.items.upsert<Ticket>({ id: 'new', tenantId: 'tenant-0', revision: 1 });
    await container.item('t-4', 'tenant-1').delete();

    const copy = crashCopy();
    const { container: recovered } = await start(copy);
    const { resources } = await recovered.items.readAll<Ticket>().fetchAll();
    expect(resources).toHaveLength(40);
    const byId = new Map(resources.map((ticket) => [ticket.id, ticket]));
    expect(byId.has('t-4')).toBe(false);
    expect(byId.get('t-1')).toMatchObject({ revision: 2, _etag: replaced?._etag });
    expect(byId.get('t-2')?.notes).toEqual(['patched']);
    expect(byId.get('t-3')?.revision).toBe(5);
    expect(byId.get('new')?.revision).toBe(1);
    // The ETag a client read before the crash still guards its next write.
    const { statusCode } = await recovered.item('t-1', 'tenant-1').replace<Ticket>(
      { id: 't-1', tenantId: 'tenant-1', revision: 3 },
      { accessCondition: { type: 'IfMatch', condition: replaced?._etag ?? '' } },
    );
    expect(statusCode).toBe(200);
    rmSync(copy, { recursive: true, force: true });
  });

  it('replays the journal written after the last snapshot, and a second replay changes nothing', async () => {
    const { standIn, container } = await start(dataDir);
    await container.items.create<Ticket>({ id: 'before', tenantId: 'a', revision: 1 });
    await standIn.flush();
    await container.items.create<Ticket>({ id: 'after', tenantId: 'a', revision: 1 });
    await container.item('before', 'a').replace<Ticket>({ id: 'before', tenantId: 'a', revision: 2 });

    const copy = crashCopy();
    const first = await start(copy);
    const { resources: once } = await first.container.items.readAll<Ticket>().fetchAll();
    // The same files once more, before the replayed journal was compacted away.
    const again = await start(crashCopyOf(copy));
    const { resources: twice } = await again.container.items.readAll<Ticket>().fetchAll();
    expect(once.map((ticket) => [ticket.id, ticket.revision]).sort()).toEqual([
      ['after', 1],
      ['before', 2],
    ]);
    expect(twice.map((ticket) => [ticket.id, ticket.revision, ticket._etag]).sort()).toEqual(
      once.map((ticket) => [ticket.id, ticket.revision, ticket._etag]).sort(),
    );
    rmSync(copy, { recursive: true, force: true });
  });

  it('ignores a final record cut short by the crash, which was never acknowledged', async () => {
    const { container } = await start(dataDir);
    await container.items.create<Ticket>({ id: 'kept', tenantId: 'a', revision: 1 });
    const copy = crashCopy();
    const journalFile = readdirSync(copy).find((name) => name.includes('.journal-'));
    if (!journalFile) throw new Error('no journal file was written');
    appendFileSync(path.join(copy, journalFile), '{"db":"baton","coll":"tickets","id":"torn","doc":{"id":"to');

    const { container: recovered } = await start(copy);
    const { resources } = await recovered.items.readAll<Ticket>().fetchAll();
    expect(resources.map((ticket) => ticket.id)).toEqual(['kept']);
    rmSync(copy, { recursive: true, force: true });
  });

  it('compacts the journal into the snapshot', async () => {
    const { standIn, container } = await start(dataDir);
    await Promise.all(Array.from({ length: 10 }, (_, index) => container.items.create<Ticket>({ id: `c-${index}`, tenantId: 'a', revision: 1 })));
    await standIn.flush();
    const journals = (): string[] => readdirSync(dataDir).filter((name) => name.includes('.journal-'));
    expect(journals()).toEqual([]);

    const { container: recovered } = await start(crashCopy());
    const { resources } = await recovered.items.readAll<Ticket>().fetchAll();
    expect(resources).toHaveLength(10);
  });
});

function crashCopyOf(directory: string): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'baton-cosmos-crash-'));
  cpSync(directory, copy, { recursive: true });
  return copy;
}
