/**
 * The stand-in's document queries, answered in place of the package's handler so that a query
 * costs what the rows it returns cost, as in Cosmos DB, rather than a pass over every document of
 * the container (the engine, @zeit/cosmosdb-query, compiles each query to JavaScript that filters
 * and sorts the whole container):
 * - The SDK asks for a query plan beside every query and uses it only when the gateway refuses the
 *   query as it is, which the stand-in does only for a GROUP BY: the plan request is answered with
 *   the plan of a query run as it is, without running the query (the package ran it in full, twice
 *   per query); a GROUP BY is planned, refused and run as the gateway does (`cosmos-group-by.ts`).
 * - The compiled code's first step copied the list built so far for every document (quadratic in
 *   the container's size): each query's code is rewritten once to build that list in one pass.
 * - An ORDER BY query runs over a stretch of a sorted order of the container kept up to date on
 *   every write (`cosmos-sorted-orders.ts`): the first documents of the ordering, as many as the
 *   page or TOP needs, within the bounds a filter on the leading property sets. The engine itself
 *   evaluates the query over that stretch, so filters, projections, TOP and continuation tokens
 *   keep its semantics; the stretch grows until the answer cannot change with more documents.
 * - The engine's last step, dropping `undefined` from every row it returns, copied its list once
 *   per row and rebuilt each row through `reduce`: a third of a page's evaluation. It is replaced
 *   with a one-pass equivalent (`withoutUndefined`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import parseQuery from '@zeit/cosmosdb-query';
import * as engineHelpers from '@zeit/cosmosdb-query/lib/helpers';
import type Account from '@vercel/cosmosdb-server/lib/account';
import type Collection from '@vercel/cosmosdb-server/lib/account/collection';
import readItems from '@vercel/cosmosdb-server/lib/handler/_read-items';
import readJson from '@vercel/cosmosdb-server/lib/json';
import isTrueHeader from '@vercel/cosmosdb-server/lib/true-header';
import { groupByEvaluation, groupByQueryPlan, isGroupByQuery, UnsupportedGroupBy, type GroupByEvaluation } from './cosmos-group-by';
import { PASS_THROUGH_QUERY_PLAN } from './cosmos-query-plan';
import { orderedQueryPlan, type OrderedQueryPlan, type QueryParameter } from './cosmos-query-shape';
import { SortedOrder, type StoredDocument } from './cosmos-sorted-orders';

type Query = ReturnType<typeof parseQuery>;
type Documents = Collection['documents'];
interface QueryResult {
  readonly result: unknown[];
  readonly continuation: unknown;
}
interface PageRequest {
  readonly maxItemCount?: number | null;
  readonly continuation?: { token: string } | null;
}

const QUERY_CACHE_SIZE = 500;
const FIRST_STRETCH = 64;

/** The engine's opening step, `$c.reduce(($, c) => … [...$, { c: c }] …, [])`, copies its list once per document. */
const QUADRATIC_SOURCE = /\$c\.reduce\(\(\$, (\w+)\) => typeof \1 !== "undefined" \? \[\.\.\.\$, \{\s*(\w+): \1\s*\}\] : \$, \[\]\)/;

/** The same list in one pass. Exported for the test that holds the engine to the shape rewritten here. */
export function linearised(code: string): string {
  return code.replace(QUADRATIC_SOURCE, (_whole, source: string, alias: string) => `$c.flatMap((${source}) => typeof ${source} !== "undefined" ? [{ ${alias}: ${source} }] : [])`);
}

/** The engine's own, kept for the test that holds `withoutUndefined` to it. */
export const engineStripUndefined: (value: unknown) => unknown = engineHelpers.stripUndefined;

/** What the engine's `stripUndefined` answers, in one pass: `undefined` left out of arrays and objects, at every depth. */
export function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) {
    const kept: unknown[] = [];
    for (const element of value) if (element !== undefined) kept.push(withoutUndefined(element));
    return kept;
  }
  if (isRecord(value)) {
    // Object.keys and an index, not Object.entries: no pair array per property.
    const kept: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const property = value[key];
      if (property !== undefined) kept[key] = withoutUndefined(property);
    }
    return kept;
  }
  return value;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null;
}

// The engine calls it through its helpers module (`exports.stripUndefined`), from its own code and
// from the code it compiles for each query, so replacing the export replaces every use.
Object.defineProperty(engineHelpers, 'stripUndefined', { value: withoutUndefined, writable: true, configurable: true, enumerable: true });

function documentKey(partitionKey: unknown, id: string): string {
  return JSON.stringify([partitionKey ?? null, id]);
}

function allDocuments(documents: Documents): StoredDocument[] {
  return [...documents._data.values()].map((item) => item.read() as StoredDocument);
}

/** What the account's queries keep between requests: compiled queries and the sorted orders of each container. */
export class DocumentQueries {
  private readonly queries = new Map<string, Query>();
  private readonly groupings = new Map<string, GroupByEvaluation>();
  private orders = new Map<Documents, Map<string, SortedOrder>>();

  /** A document was created, replaced or deleted: every order of its container takes it in. */
  documentWritten(collection: Collection, id: string, partitionKey: unknown): void {
    const orders = this.orders.get(collection.documents);
    if (orders === undefined) return;
    const document = collection.document(id, partitionKey as string).read() as StoredDocument | undefined | null;
    for (const order of orders.values()) order.put(documentKey(partitionKey, id), document ?? undefined);
  }

  /** Containers or several documents changed at once: the orders are built again when next needed. */
  accountChanged(): void {
    this.orders = new Map();
  }

  run(collection: Collection, body: { query: string; parameters?: QueryParameter[] }, page: PageRequest): QueryResult | null {
    const documents = collection.documents;
    const definition = documents._parent.read() as { indexingPolicy?: { compositeIndexes?: unknown[] } } | null;
    if (!definition) return null;
    if (isGroupByQuery(body.query)) return this.runGroupBy(documents, body, page);
    const query = this.compiled(body.query);
    const options = {
      ...(body.parameters === undefined ? {} : { parameters: body.parameters }),
      udf: documents._userDefinedFunctions() ?? {},
      ...(page.maxItemCount === null || page.maxItemCount === undefined ? {} : { maxItemCount: page.maxItemCount }),
      ...(page.continuation === null || page.continuation === undefined ? {} : { continuation: page.continuation }),
      compositeIndexes: (definition.indexingPolicy?.compositeIndexes ?? []) as never,
    };
    const plan = orderedQueryPlan(query.ast, body.parameters ?? []);
    try {
      if (plan === undefined) return query.exec(allDocuments(documents), options) as QueryResult;
      return this.runOrdered(documents, collection, plan, query, options, page);
    } catch (error: unknown) {
      if (error instanceof Error) Object.assign(error, { badRequest: true });
      throw error;
    }
  }

  /** Every group of the container, a page at a time: the continuation is the offset of the next group. */
  private runGroupBy(documents: Documents, body: { query: string; parameters?: QueryParameter[] }, page: PageRequest): QueryResult {
    try {
      const grouping = this.grouping(body.query);
      const perDocument = this.compiled(grouping.perDocumentQuery);
      const options = { ...(body.parameters === undefined ? {} : { parameters: body.parameters }), udf: documents._userDefinedFunctions() ?? {} };
      const rows = (perDocument.exec(allDocuments(documents), options) as QueryResult).result as Record<string, unknown>[];
      const groups = grouping.groups(rows);
      const offset = Number.parseInt(page.continuation?.token ?? '0', 10) || 0;
      const size = page.maxItemCount !== null && page.maxItemCount !== undefined && page.maxItemCount > 0 ? page.maxItemCount : groups.length;
      const next = offset + size;
      return { result: groups.slice(offset, next), continuation: next < groups.length ? { token: String(next) } : null };
    } catch (error: unknown) {
      if (error instanceof Error) Object.assign(error, { badRequest: true });
      throw error;
    }
  }

  private grouping(sql: string): GroupByEvaluation {
    let grouping = this.groupings.get(sql);
    if (grouping === undefined) {
      grouping = groupByEvaluation(sql);
      if (grouping === undefined) throw new UnsupportedGroupBy('no GROUP BY clause');
      if (this.groupings.size >= QUERY_CACHE_SIZE) this.groupings.clear();
      this.groupings.set(sql, grouping);
    }
    return grouping;
  }

  private runOrdered(documents: Documents, collection: Collection, plan: OrderedQueryPlan, query: Query, options: Parameters<Query['exec']>[1], page: PageRequest): QueryResult {
    const order = this.order(documents, collection, plan);
    const { start, end } = order.stretch(plan.bounds);
    const pageSize = page.maxItemCount !== null && page.maxItemCount !== undefined && page.maxItemCount > 0 ? page.maxItemCount : Number.POSITIVE_INFINITY;
    const wanted = Math.min(plan.top ?? Number.POSITIVE_INFINITY, pageSize);
    let length = Number.isFinite(wanted) ? Math.max(FIRST_STRETCH, 2 * wanted + 1) : end - start;
    for (;;) {
      const stop = Math.min(end, start + length);
      const answer = query.exec(order.documents(start, stop), options) as QueryResult;
      // More documents could only change an answer that is neither complete nor a full page.
      const full = answer.continuation !== null && answer.continuation !== undefined;
      const topReached = plan.top !== undefined && !page.continuation && answer.result.length >= plan.top;
      if (stop >= end || full || topReached) return answer;
      length *= 4;
    }
  }

  private order(documents: Documents, collection: Collection, plan: OrderedQueryPlan): SortedOrder {
    let orders = this.orders.get(documents);
    if (orders === undefined) {
      orders = new Map();
      this.orders.set(documents, orders);
    }
    const signature = plan.terms.map((term) => `${term.path.join('.')}${term.descending ? ' DESC' : ''}`).join(', ');
    let order = orders.get(signature);
    if (order === undefined) {
      order = new SortedOrder(plan.terms);
      order.fill(allDocuments(documents).map((document) => [documentKey(documents._getPartition(document), String(document['id'])), document] as const));
      orders.set(signature, order);
    }
    return order;
  }

  private compiled(sql: string): Query {
    let query = this.queries.get(sql);
    if (query === undefined) {
      query = parseQuery(sql);
      query._code = linearised(query.code);
      if (this.queries.size >= QUERY_CACHE_SIZE) this.queries.clear();
      this.queries.set(sql, query);
    }
    return query;
  }
}

const byAccount = new WeakMap<Account, DocumentQueries>();

export function documentQueriesOf(account: Account): DocumentQueries {
  let queries = byAccount.get(account);
  if (queries === undefined) {
    queries = new DocumentQueries();
    byAccount.set(account, queries);
  }
  return queries;
}

/** A partition key range (how the SDK sends a plan's rewritten query) or a partition key. */
function targetsOnePartition(req: IncomingMessage): boolean {
  return req.headers['x-ms-documentdb-partitionkeyrangeid'] !== undefined || req.headers['x-ms-documentdb-partitionkey'] !== undefined;
}

/**
 * The gateway's answer to a cross-partition query it cannot serve as it is (a GROUP BY here):
 * 400, substatus 1004, and the plan in `additionalErrorInfo`, on which the SDK runs the plan.
 */
function refusedCrossPartition(res: ServerResponse, query: string): unknown {
  let plan: unknown;
  try {
    plan = groupByQueryPlan(query);
  } catch (error: unknown) {
    if (!(error instanceof UnsupportedGroupBy)) throw error;
    res.statusCode = 400;
    return { code: 'BadRequest', message: error.message };
  }
  res.statusCode = 400;
  res.setHeader('x-ms-substatus', '1004');
  return {
    code: 'BadRequest',
    message: 'The provided cross partition query can not be directly served by the gateway. This is a first chance (internal) exception that all newer clients will know how to handle gracefully.',
    additionalErrorInfo: JSON.stringify(plan),
  };
}

function isQueryPlanRequest(req: IncomingMessage): boolean {
  return isTrueHeader(req, 'x-ms-cosmos-is-query-plan-request');
}

/** The route handler for `POST /dbs/:dbId/colls/:collId/docs` queries (the package's, but for what the module comment says). */
export async function queryDocuments(account: Account, req: IncomingMessage, res: ServerResponse, params: Readonly<Record<string, string>>): Promise<unknown> {
  const { dbId = '', collId = '' } = params;
  if (isQueryPlanRequest(req)) {
    const body = (await readJson(req)) as { query?: unknown };
    try {
      return typeof body.query === 'string' && isGroupByQuery(body.query) ? groupByQueryPlan(body.query) : PASS_THROUGH_QUERY_PLAN;
    } catch (error: unknown) {
      if (!(error instanceof UnsupportedGroupBy)) throw error;
      res.statusCode = 400;
      return { code: 'BadRequest', message: error.message };
    }
  }
  return readItems(req, res, 'Documents', async (page) => {
    const body = (await readJson(req)) as { query?: unknown; parameters?: QueryParameter[] };
    if (typeof body.query !== 'string' || body.query === '') {
      res.statusCode = 400;
      return { message: 'missing query' };
    }
    const collection = account.database(dbId).collection(collId);
    if (!isTrueHeader(req, 'x-ms-documentdb-query-enablecrosspartition')) {
      const definition = collection.read() as { partitionKey?: { paths?: string[] } } | null;
      const paths = definition?.partitionKey?.paths ?? [];
      if (paths.length > 0 && !parseQuery(body.query).containsPartitionKeys(paths)) {
        res.statusCode = 400;
        return { message: 'missing partition keys' };
      }
    }
    if (isGroupByQuery(body.query) && !targetsOnePartition(req)) return refusedCrossPartition(res, body.query);
    try {
      return documentQueriesOf(account).run(collection, { query: body.query, ...(body.parameters === undefined ? {} : { parameters: body.parameters }) }, page);
    } catch (error: unknown) {
      if (error instanceof Error && 'badRequest' in error) {
        res.statusCode = 400;
        return { message: error.message };
      }
      throw error;
    }
  });
}
