import https from 'node:https';
import { CosmosClient, type Container } from '@azure/cosmos';
import fc from 'fast-check';
import { CosmosAccount } from '../../../infra/local/services/cosmos-engine';
import { DocumentQueries } from '../../../infra/local/services/cosmos-document-queries';
import { groupByQueryPlan, isGroupByQuery } from '../../../infra/local/services/cosmos-group-by';
import { groupByClauses } from '../../../infra/local/services/cosmos-query-clauses';
import { cosmosClientOptionsForStandIn, startCosmosStandIn, type CosmosStandIn } from '../../../infra/local/services/cosmos-standin';

type Collection = ReturnType<ReturnType<CosmosAccount['database']>['collection']>;
type Doc = { readonly id: string; readonly pk: string; readonly group: string; readonly kind?: string; readonly rank: number; readonly at?: string };
type Row = Record<string, unknown>;

function collectionOf(documents: readonly Doc[]): Collection {
  const account = new CosmosAccount('127.0.0.1', 0);
  account.databases.create({ id: 'db' });
  account.database('db').collections.create({ id: 'docs', partitionKey: { paths: ['/pk'], kind: 'Hash' } });
  const collection = account.database('db').collection('docs');
  for (const document of documents) collection.documents.create({ ...document });
  return collection;
}

/** The reference: every document read, grouped and aggregated in plain code. */
function fullEvaluation(documents: readonly Doc[], minRank: number): Row[] {
  const groups = new Map<string, Doc[]>();
  for (const document of documents.filter((candidate) => candidate.rank >= minRank)) {
    const key = JSON.stringify([document.group, document.kind ?? '<undefined>']);
    groups.set(key, [...(groups.get(key) ?? []), document]);
  }
  return [...groups.values()].map((members) => {
    const first = members[0] as Doc;
    const times = members.flatMap((member) => (member.at === undefined ? [] : [member.at])).sort();
    const ranks = members.map((member) => member.rank);
    return {
      group: first.group,
      ...(first.kind === undefined ? {} : { kind: first.kind }),
      n: members.length,
      ...(times.length === 0 ? {} : { oldest: times[0] }),
      top: Math.max(...ranks),
      total: ranks.reduce((sum, rank) => sum + rank, 0),
      mean: ranks.reduce((sum, rank) => sum + rank, 0) / ranks.length,
    };
  });
}

function sorted(rows: readonly Row[]): Row[] {
  return [...rows].sort((a, b) => JSON.stringify([a['group'], a['kind']]).localeCompare(JSON.stringify([b['group'], b['kind']])));
}

const QUERY = 'SELECT c.group, c.kind, COUNT(1) AS n, MIN(c.at) AS oldest, MAX(c.rank) AS top, SUM(c.rank) AS total, AVG(c.rank) AS mean FROM c WHERE c.rank >= @min GROUP BY c.group, c.kind';

const documentsArbitrary = fc
  .array(
    fc.record(
      {
        group: fc.constantFrom('x', 'y', 'z'),
        kind: fc.constantFrom('a', 'b'),
        rank: fc.integer({ min: 0, max: 20 }),
        at: fc.integer({ min: 0, max: 10_000 }).map((minutes) => new Date(Date.UTC(2026, 11, 7) + minutes * 60_000).toISOString()),
      },
      { requiredKeys: ['group', 'rank'] },
    ),
    { maxLength: 40 },
  )
  .map((records) => records.map((record, index): Doc => ({ ...record, id: String(index), pk: String(index) })));

/** What the SDK makes of the rows one partition key range answered: the groups merged by the plan's aggregators. */
function mergedAsTheSdkDoes(rows: readonly Row[], aggregateTypes: Readonly<Record<string, string | null>>): Row[] {
  return rows.map((row) => {
    const payload = row['payload'] as Record<string, { item?: unknown; item2?: Record<string, unknown> } | unknown>;
    return Object.fromEntries(
      Object.entries(payload).flatMap(([alias, value]): [string, unknown][] => {
        const type = aggregateTypes[alias];
        if (type === null || type === undefined) return [[alias, value]];
        const partial = value as { item?: unknown; item2?: Record<string, unknown> };
        const result = type === 'Min' ? partial.item2?.['min'] : type === 'Max' ? partial.item2?.['max'] : type === 'Average' ? averageOf(partial.item) : partial.item;
        return result === undefined ? [] : [[alias, result]];
      }),
    );
  });
}

function averageOf(item: unknown): unknown {
  const { sum, count } = item as { sum?: number; count: number };
  return sum === undefined || count === 0 ? undefined : sum / count;
}

describe('the Cosmos stand-in running GROUP BY', () => {
  it('plans a GROUP BY as the gateway does: the rewritten query, the grouped aliases and their aggregators', () => {
    const plan = groupByQueryPlan('SELECT c.status, COUNT(1) AS n, MIN(c.createdAt) AS oldest FROM c WHERE c.status != @sent GROUP BY c.status') as { queryInfo: Record<string, unknown> };
    expect(plan.queryInfo).toMatchObject({
      groupByExpressions: ['c.status'],
      groupByAliases: ['status', 'n', 'oldest'],
      groupByAliasToAggregateType: { status: null, n: 'Count', oldest: 'Min' },
      aggregates: [],
      hasSelectValue: false,
      rewrittenQuery:
        'SELECT [{"item": c.status}] AS groupByItems, {"status": c.status, "n": {"item": COUNT(1)}, "oldest": {"item": MIN(c.createdAt), "item2": {"min": MIN(c.createdAt), "count": COUNT(c.createdAt)}}} AS payload FROM c WHERE c.status != @sent GROUP BY c.status',
    });
  });

  it('reads the clauses outside strings, brackets and property names, and leaves a query without GROUP BY alone', () => {
    expect(isGroupByQuery('SELECT * FROM c WHERE c.note = "GROUP BY c.x" ORDER BY c.from')).toBe(false);
    expect(groupByClauses('SELECT TOP 3 c.from, COUNT(1) AS top FROM c WHERE c.where = \'x GROUP BY y\' AND ARRAY_CONTAINS(["FROM"], c.a) GROUP BY c.from')).toEqual({
      projection: 'c.from, COUNT(1) AS top',
      selectValue: false,
      unsupported: ['TOP'],
      from: 'FROM c',
      where: "WHERE c.where = 'x GROUP BY y' AND ARRAY_CONTAINS([\"FROM\"], c.a)",
      groupBy: ['c.from'],
    });
    expect(() => groupByQueryPlan('SELECT c.a, ABS(COUNT(1)) AS n FROM c GROUP BY c.a')).toThrow('Compositions of aggregates');
  });

  it('answers the rewritten query on a range with each group\'s items and partial aggregates, which merge to the full evaluation', () => {
    fc.assert(
      fc.property(documentsArbitrary, fc.integer({ min: 0, max: 21 }), (documents, minRank) => {
        const plan = groupByQueryPlan(QUERY) as { queryInfo: { rewrittenQuery: string; groupByAliasToAggregateType: Record<string, string | null> } };
        const answer = new DocumentQueries().run(collectionOf(documents), { query: plan.queryInfo.rewrittenQuery, parameters: [{ name: '@min', value: minRank }] }, {});
        const rows = (answer?.result ?? []) as Row[];
        for (const row of rows) {
          const payload = row['payload'] as Row;
          expect(row['groupByItems']).toEqual([{ item: payload['group'] }, payload['kind'] === undefined ? {} : { item: payload['kind'] }]);
        }
        expect(sorted(mergedAsTheSdkDoes(rows, plan.queryInfo.groupByAliasToAggregateType))).toEqual(sorted(fullEvaluation(documents, minRank)));
      }),
      { numRuns: 150 },
    );
  });

  it('answers a GROUP BY sent to one partition with the groups themselves, a page at a time', () => {
    fc.assert(
      fc.property(documentsArbitrary, fc.constantFrom(undefined, 1, 2, 5), (documents, maxItemCount) => {
        const collection = collectionOf(documents);
        const queries = new DocumentQueries();
        const rows: Row[] = [];
        let continuation: { token: string } | undefined;
        for (let page = 0; page < 60; page += 1) {
          const request = { ...(maxItemCount === undefined ? {} : { maxItemCount }), ...(continuation === undefined ? {} : { continuation }) };
          const answer = queries.run(collection, { query: QUERY, parameters: [{ name: '@min', value: 0 }] }, request) as { result: Row[]; continuation: { token: string } | null };
          rows.push(...answer.result);
          if (answer.continuation === null) break;
          continuation = answer.continuation;
        }
        expect(sorted(rows)).toEqual(sorted(fullEvaluation(documents, 0)));
      }),
      { numRuns: 100 },
    );
  });
});

describe('a GROUP BY through the SDK against the stand-in', () => {
  let standIn: CosmosStandIn;
  let client: CosmosClient;
  let container: Container;
  const documents: Doc[] = fc.sample(documentsArbitrary, { numRuns: 1, seed: 7 })[0] ?? [];

  beforeAll(async () => {
    standIn = await startCosmosStandIn({ port: 0 });
    client = new CosmosClient(cosmosClientOptionsForStandIn(standIn.endpoint, standIn.key));
    const { database } = await client.databases.createIfNotExists({ id: 'baton' });
    ({ container } = await database.containers.createIfNotExists({ id: 'docs', partitionKey: { paths: ['/pk'] } }));
    for (const document of documents) await container.items.create(document);
  });

  afterAll(async () => {
    client.dispose();
    await standIn.stop();
  });

  it('is refused as it is, cross-partition, with substatus 1004 and the plan, as the gateway refuses it', async () => {
    const answer = await new Promise<{ status: number; substatus: string | undefined; body: { additionalErrorInfo?: string } }>((resolve, reject) => {
      const request = https.request(
        `${standIn.endpoint}dbs/baton/colls/docs/docs`,
        {
          method: 'POST',
          rejectUnauthorized: false,
          headers: { 'content-type': 'application/query+json', 'x-ms-documentdb-isquery': 'true', 'x-ms-documentdb-query-enablecrosspartition': 'true' },
        },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, substatus: response.headers['x-ms-substatus'] as string | undefined, body: JSON.parse(text) as { additionalErrorInfo?: string } }));
        },
      );
      request.on('error', reject);
      request.end(JSON.stringify({ query: QUERY, parameters: [{ name: '@min', value: 0 }] }));
    });
    expect(answer.status).toBe(400);
    expect(answer.substatus).toBe('1004');
    expect(JSON.parse(answer.body.additionalErrorInfo ?? '{}')).toEqual(groupByQueryPlan(QUERY));
  });

  it('gives the SDK the groups of the full evaluation, however small its pages', async () => {
    for (const maxItemCount of [1, 3, 1000]) {
      const { resources } = await container.items.query<Row>({ query: QUERY, parameters: [{ name: '@min', value: 4 }] }, { maxItemCount }).fetchAll();
      expect(sorted(resources)).toEqual(sorted(fullEvaluation(documents, 4)));
    }
  });
});
