import { CosmosClient, type Container } from '@azure/cosmos';
import parseQuery from '@zeit/cosmosdb-query';
import fc from 'fast-check';
import { CosmosAccount } from '../../../infra/local/services/cosmos-engine';
import { DocumentQueries, engineStripUndefined, linearised, withoutUndefined } from '../../../infra/local/services/cosmos-document-queries';
import { cosmosClientOptionsForStandIn, startCosmosStandIn, type CosmosStandIn } from '../../../infra/local/services/cosmos-standin';

type Collection = ReturnType<ReturnType<CosmosAccount['database']>['collection']>;

const COMPOSITE = [
  [
    { path: '/group', order: 'ascending' },
    { path: '/rank', order: 'ascending' },
  ],
];

function emptyCollection(): Collection {
  const account = new CosmosAccount('127.0.0.1', 0);
  account.databases.create({ id: 'db' });
  account.database('db').collections.create({ id: 'docs', partitionKey: { paths: ['/pk'], kind: 'Hash' }, indexingPolicy: { compositeIndexes: COMPOSITE } });
  return account.database('db').collection('docs');
}

/** What the package's engine answers over every document, its code untouched: the reference. */
function engineAnswer(collection: Collection, sql: string, parameters: { name: string; value: unknown }[], page: { maxItemCount?: number; continuation?: { token: string } }): unknown {
  const documents = [...collection.documents._data.values()].map((item) => item.read());
  return parseQuery(sql).exec(documents, { parameters, ...page, compositeIndexes: COMPOSITE as never });
}

// Mixed types, missing values and ties, which the engine orders by type, then value, then _rid.
const rankValue = fc.oneof(fc.integer({ min: 0, max: 8 }), fc.constantFrom('a', 'b', 'k', 'z'), fc.constant(null), fc.boolean(), fc.constant(undefined));
const write = fc.record({ id: fc.integer({ min: 0, max: 30 }), rank: rankValue, group: fc.constantFrom('x', 'y', 'z'), deleted: fc.boolean() });

const QUERIES: readonly { query: string; parameters: { name: string; value: unknown }[] }[] = [
  { query: 'SELECT * FROM c ORDER BY c.rank', parameters: [] },
  { query: 'SELECT TOP 5 c.id, c.rank FROM c ORDER BY c.rank DESC', parameters: [] },
  { query: 'SELECT TOP 4 * FROM c WHERE c.rank <= @upTo ORDER BY c.rank ASC', parameters: [{ name: '@upTo', value: 9 }] },
  { query: 'SELECT * FROM c WHERE c.rank > "b" ORDER BY c.rank', parameters: [] },
  { query: 'SELECT * FROM c WHERE c.rank = @rank ORDER BY c.rank', parameters: [{ name: '@rank', value: 4 }] },
  { query: 'SELECT * FROM c WHERE c.rank >= 3 AND c.rank <= 5 ORDER BY c.rank', parameters: [] },
  { query: 'SELECT * FROM c WHERE 3 < c.rank AND c.rank < @below ORDER BY c.rank', parameters: [{ name: '@below', value: 15 }] },
  { query: 'SELECT TOP 3 * FROM c WHERE c.group = @group ORDER BY c.group ASC, c.rank ASC', parameters: [{ name: '@group', value: 'y' }] },
  { query: 'SELECT VALUE c.id FROM root c WHERE c.rank = 4 OR c.group = "x" ORDER BY c.group, c.rank', parameters: [] },
];

describe('the Cosmos stand-in answering document queries', () => {
  it('rewrites the engine opening step, the list of documents, to one pass', () => {
    const code = parseQuery('SELECT * FROM c WHERE c.a = 1').code;
    expect(linearised(code)).not.toBe(code);
    expect(linearised(code)).not.toContain('[...$');
  });

  it('leaves undefined out of the rows it returns exactly as the engine did, in one pass', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 4, withSparseArray: true }), (value) => {
        expect(withoutUndefined(value)).toEqual(engineStripUndefined(value));
      }),
      { numRuns: 500 },
    );
    const collection = emptyCollection();
    collection.documents.create({ id: '1', pk: '1', rank: 1, list: [1, 2] });
    const answer = new DocumentQueries().run(collection, { query: 'SELECT c.id, c.missing, [c.rank, c.missing, c.rank] AS ranks FROM c ORDER BY c.rank', parameters: [] }, {});
    expect(answer?.result).toStrictEqual([{ id: '1', ranks: [1, 1] }]);
  });

  it('answers each ORDER BY query, page by page, as the engine does over every document, through creates, replaces and deletes', () => {
    fc.assert(
      fc.property(fc.array(write, { maxLength: 60 }), fc.constantFrom(...QUERIES), fc.constantFrom(undefined, 1, 2, 7), (writes, query, maxItemCount) => {
        const collection = emptyCollection();
        const queries = new DocumentQueries();
        // The first query builds the order; the writes after it must keep it in step.
        queries.run(collection, query, {});
        for (const { id, rank, group, deleted } of writes) {
          const key = String(id);
          const held = collection.document(key, key).read();
          if (held) collection.documents.delete(key, key);
          if (!deleted) collection.documents.create({ id: key, pk: key, group, ...(rank === undefined ? {} : { rank }) });
          queries.documentWritten(collection, key, key);
        }
        let continuation: { token: string } | undefined;
        for (let page = 0; page < 40; page += 1) {
          const request = { ...(maxItemCount === undefined ? {} : { maxItemCount }), ...(continuation === undefined ? {} : { continuation }) };
          const expected = engineAnswer(collection, query.query, query.parameters, request) as { continuation: { token: string } | null };
          const answer = queries.run(collection, query, request);
          expect(answer).toEqual(expected);
          if (expected.continuation === null) break;
          continuation = expected.continuation;
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('the Cosmos stand-in over HTTP', () => {
  let standIn: CosmosStandIn;
  let client: CosmosClient;
  let container: Container;

  beforeAll(async () => {
    standIn = await startCosmosStandIn({ port: 0 });
    client = new CosmosClient(cosmosClientOptionsForStandIn(standIn.endpoint, standIn.key));
    const { database } = await client.databases.createIfNotExists({ id: 'baton' });
    ({ container } = await database.containers.createIfNotExists({ id: 'tickets', partitionKey: { paths: ['/ticketNumber'] } }));
  });

  afterAll(async () => {
    client.dispose();
    await standIn.stop();
  });

  it('sees a replace move a document in an ordering it already served', async () => {
    for (const [number, due] of [['T-1', '2026-12-07T10:00:00Z'], ['T-2', '2026-12-07T11:00:00Z'], ['T-3', '2026-12-07T12:00:00Z']] as const) {
      await container.items.create({ id: number, ticketNumber: number, dueAt: due });
    }
    const firstTwo = async (): Promise<string[]> =>
      (await container.items.query<string>('SELECT TOP 2 VALUE c.ticketNumber FROM c WHERE c.dueAt <= "2026-12-07T23:00:00Z" ORDER BY c.dueAt').fetchAll()).resources;
    expect(await firstTwo()).toEqual(['T-1', 'T-2']);

    await container.item('T-3', 'T-3').replace({ id: 'T-3', ticketNumber: 'T-3', dueAt: '2026-12-07T09:00:00Z' });
    await container.item('T-1', 'T-1').delete();
    expect(await firstTwo()).toEqual(['T-3', 'T-2']);
  });

  it('pages through an ordering with the continuation tokens the SDK hands back', async () => {
    for (let index = 0; index < 25; index += 1) {
      const number = `P-${String(index).padStart(2, '0')}`;
      await container.items.create({ id: number, ticketNumber: number, page: 'paged', position: 25 - index });
    }
    const seen: number[] = [];
    let continuationToken: string | undefined;
    do {
      const iterator = container.items.query<number>('SELECT VALUE c.position FROM c WHERE c.page = "paged" ORDER BY c.position', { maxItemCount: 10, ...(continuationToken === undefined ? {} : { continuationToken }) });
      const page = await iterator.fetchNext();
      seen.push(...page.resources);
      continuationToken = page.continuationToken;
    } while (continuationToken !== undefined);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, index) => index + 1));
  });
});
