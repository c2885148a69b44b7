/**
 * The Cosmos DB engine of the stand-in: @vercel/cosmosdb-server's in-memory account and its route
 * table, driven by our own request handler. The package's public server keeps its account private;
 * holding the account ourselves is what makes snapshots, restarts and outage simulation possible.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Account from '@vercel/cosmosdb-server/lib/account';
import routeRequest from '@vercel/cosmosdb-server/lib/routes';

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

/** The package's router answers `[params, handler]` or undefined; narrow it once, here. */
function findRoute(req: IncomingMessage): Route | undefined {
  const found: unknown = routeRequest(req);
  if (!Array.isArray(found)) return undefined;
  const [params, handler]: unknown[] = found;
  if (typeof handler !== 'function' || typeof params !== 'object' || params === null) return undefined;
  return { params: params as Record<string, string>, handler: handler as RouteHandler };
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
