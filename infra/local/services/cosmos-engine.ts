/**
 * The Cosmos DB engine of the stand-in: @vercel/cosmosdb-server's in-memory account and its route
 * table, driven by our own request handler. The package's public server keeps its account private;
 * holding the account ourselves is what makes snapshots, restarts and outage simulation possible.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Account from '@vercel/cosmosdb-server/lib/account';
import packageQueryDocuments from '@vercel/cosmosdb-server/lib/handler/query-documents';
import routeRequest from '@vercel/cosmosdb-server/lib/routes';
import { parsePartitionKey } from '@vercel/cosmosdb-server/lib/utils/get-partition-from-header';
import { documentQueriesOf, queryDocuments } from './cosmos-document-queries';

export { Account as CosmosAccount };

type RouteHandler = (
  account: Account,
  req: IncomingMessage,
  res: ServerResponse,
  params: Readonly<Record<string, string>>,
) => Promise<unknown>;

interface Route {
  readonly params: Readonly<Record<string, string>>;
  readonly handler: RouteHandler;
}

// The package's query-metrics header, sent only when a client asks for metrics; the SDK parses it.
const EMPTY_QUERY_METRICS =
  'totalExecutionTimeInMs=0.00;queryCompileTimeInMs=0.00;queryLogicalPlanBuildTimeInMs=0.00;' +
  'queryPhysicalPlanBuildTimeInMs=0.00;queryOptimizationTimeInMs=0.00;VMExecutionTimeInMs=0.00;' +
  'indexLookupTimeInMs=0.00;documentLoadTimeInMs=0.00;systemFunctionExecuteTimeInMs=0.00;' +
  'userFunctionExecuteTimeInMs=0.00;retrievedDocumentCount=0;retrievedDocumentSize=0;' +
  'outputDocumentCount=1;outputDocumentSize=0;writeOutputTimeInMs=0.00;indexUtilizationRatio=0.00';

/**
 * The package's router answers `[params, handler]` or undefined; narrow it once, here. Document
 * queries go to our own handler (`cosmos-document-queries.ts`).
 */
function findRoute(req: IncomingMessage): Route | undefined {
  const found: unknown = routeRequest(req);
  if (!Array.isArray(found)) return undefined;
  const [params, handler]: unknown[] = found;
  if (typeof handler !== 'function' || typeof params !== 'object' || params === null) return undefined;
  return { params: params as Record<string, string>, handler: handler === packageQueryDocuments ? queryDocuments : (handler as RouteHandler) };
}

/** Keeps the sorted orders queries walk in step with a write, before anything else can read. */
function takeInWrite(account: Account, effect: WriteEffect): void {
  const queries = documentQueriesOf(account);
  if (effect.kind === 'account') queries.accountChanged();
  else queries.documentWritten(account.database(effect.databaseId).collection(effect.containerId), effect.id, effect.partitionKey);
}

function isTrueHeader(req: IncomingMessage, name: string): boolean {
  const value = req.headers[name];
  return typeof value === 'string' && value.toLowerCase() === 'true';
}

/** True for requests that change state (so the snapshot becomes stale); queries are POSTs that do not. */
export function isWriteRequest(req: IncomingMessage): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return false;
  const isQuery =
    req.method === 'POST' &&
    (isTrueHeader(req, 'x-ms-documentdb-isquery') || req.headers['content-type'] === 'application/query+json');
  return !isQuery;
}

/**
 * What a successful write changed: one document (named by the key the engine files it under), or
 * the account's structure (databases, containers, user-defined functions) or several documents at
 * once (a transactional batch, which the app does not use).
 */
export type WriteEffect =
  | {
      readonly kind: 'document';
      readonly databaseId: string;
      readonly containerId: string;
      readonly id: string;
      readonly partitionKey: string | number | boolean | null | undefined;
    }
  | { readonly kind: 'account' };

/** Called after a successful write and before its answer is sent; the answer waits for it. */
export type CommitWrite = (effect: WriteEffect) => Promise<void>;

const DOCUMENTS_PATH = /\/docs\/?$/;

type PartitionValue = string | number | boolean | null | undefined;

function partitionValue(value: unknown): PartitionValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null
    ? value
    : undefined;
}

/** The effect of a write the engine has just answered with a 2xx `body`. */
function effectOf(account: Account, req: IncomingMessage, route: Route, body: unknown): WriteEffect {
  const { dbId, collId, docId } = route.params;
  if (dbId === undefined || collId === undefined || isTrueHeader(req, 'x-ms-cosmos-is-batch-request')) return { kind: 'account' };
  const onDocument = docId !== undefined || DOCUMENTS_PATH.test(new URL(req.url ?? '/', 'http://x').pathname);
  if (!onDocument) return { kind: 'account' };
  if (req.method === 'DELETE' && docId !== undefined) {
    const header = req.headers['x-ms-documentdb-partitionkey'];
    // The handler parsed the same header, so it is present and well-formed here.
    const value: unknown = parsePartitionKey(String(Array.isArray(header) ? header[0] : header), docId);
    return { kind: 'document', databaseId: dbId, containerId: collId, id: docId, partitionKey: partitionValue(value) };
  }
  const document = typeof body === 'object' && body !== null ? (body as { id?: unknown }) : {};
  if (typeof document.id !== 'string') return { kind: 'account' };
  const collection = account.database(dbId).collection(collId);
  const partitionKey = partitionValue(collection.documents._getPartition(document));
  return { kind: 'document', databaseId: dbId, containerId: collId, id: document.id, partitionKey };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Answers one Cosmos REST request against `account`, with the response headers the SDK relies on
 * (etag, activity id, request charge, the change-feed "not modified" convention).
 */
export async function handleCosmosRequest(
  account: Account,
  req: IncomingMessage,
  res: ServerResponse,
  onError: (error: unknown) => void,
  commit?: CommitWrite,
): Promise<void> {
  const route = findRoute(req);
  let body: unknown;
  if (!route) {
    res.statusCode = 400;
    body = { message: 'no route' };
  } else {
    try {
      body = await route.handler(account, req, res, route.params);
    } catch (error) {
      onError(error);
      res.statusCode = 500;
      body = { message: messageOf(error) };
    }
    const effect = res.statusCode < 300 && isWriteRequest(req) ? effectOf(account, req, route, body) : undefined;
    if (effect !== undefined) takeInWrite(account, effect);
    // An acknowledged write must be durable: the answer waits until the commit hook has made it so.
    if (commit && effect !== undefined) {
      try {
        await commit(effect);
      } catch (error) {
        onError(error);
        res.statusCode = 503;
        body = { code: 'ServiceUnavailable', message: `The write could not be made durable: ${messageOf(error)}` };
      }
    }
  }
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : undefined;
  if (res.statusCode >= 400 && record && record.message === undefined) record.message = '';
  if (record && typeof record._etag === 'string') res.setHeader('etag', record._etag);
  res.setHeader('content-type', 'application/json');
  res.setHeader('content-location', `https://${req.headers.host ?? ''}${req.url ?? ''}`);
  res.setHeader('x-ms-activity-id', randomUUID());
  res.setHeader('x-ms-request-charge', '1');
  if (req.headers['x-ms-documentdb-populatequerymetrics']) {
    res.setHeader('x-ms-documentdb-query-metrics', EMPTY_QUERY_METRICS);
  }
  // The change feed is a stub: answer "not modified" to a continuation so readers do not spin.
  if (req.headers['a-im'] && res.statusCode === 200) {
    if (req.headers['if-none-match']) res.statusCode = 304;
    res.setHeader('etag', '1');
  }
  res.end(body === undefined ? '' : JSON.stringify(body));
}
