/**
 * A counting HTTPS proxy in front of the Cosmos DB stand-in, for the lifecycle benchmark: every
 * request the app makes to the store passes through it and is tallied by container and kind
 * (point read, create, replace, query page…), and document operations are attributed to the
 * ticket they concern (by the ticket number in the path or in the body).
 */
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type StoreOperationKind = 'read' | 'create' | 'upsert' | 'replace' | 'patch' | 'delete' | 'query' | 'query-plan' | 'metadata';

export interface StoreOperation {
  readonly container: string;
  readonly kind: StoreOperationKind;
  /** The ticket the document belongs to, when the request says. */
  readonly ticketNumber?: string;
  /** A query's text, its parameters' values left out. */
  readonly queryText?: string;
  /** The request's body (the document a write sends) and the answer's body, in bytes. */
  readonly requestBytes: number;
  readonly responseBytes: number;
}

export interface StoreCounter {
  /** The endpoint to give the app instead of the stand-in's. */
  readonly endpoint: string;
  /** Where requests go; until it is set, the proxy answers 503 (the app retries). */
  forwardTo(target: string): void;
  operations(): readonly StoreOperation[];
  reset(): void;
  stop(): Promise<void>;
}

/** How long an idle connection to the proxy stays open: 4 minutes, as the Cosmos stand-in's. */
const IDLE_CONNECTION_TIMEOUT_MS = 4 * 60_000;

const TICKET_NUMBER = /"ticketNumber"\s*:\s*"([A-Z0-9-]+)"/;

type Classified = Omit<StoreOperation, 'requestBytes' | 'responseBytes'>;

function queryTextOf(body: string): { queryText?: string } {
  try {
    const parsed: unknown = JSON.parse(body);
    const text = typeof parsed === 'object' && parsed !== null && 'query' in parsed && typeof parsed.query === 'string' ? parsed.query : undefined;
    return text === undefined ? {} : { queryText: text };
  } catch {
    return {};
  }
}

function classify(request: IncomingMessage, body: string): Classified {
  const url = new URL(request.url ?? '/', 'https://proxy');
  const parts = url.pathname.split('/').filter((part) => part !== '');
  const collIndex = parts.indexOf('colls');
  const container = collIndex >= 0 ? decodeURIComponent(parts[collIndex + 1] ?? '') : '';
  const docsIndex = parts.indexOf('docs');
  const documentId = docsIndex >= 0 ? parts[docsIndex + 1] : undefined;
  const ticketNumber = TICKET_NUMBER.exec(body)?.[1] ?? (container === 'tickets' && documentId !== undefined ? decodeURIComponent(documentId) : undefined);
  const withTicket = (kind: StoreOperationKind): Classified => (ticketNumber === undefined ? { container, kind } : { container, kind, ticketNumber });
  if (docsIndex < 0) return { container, kind: 'metadata' };
  const method = request.method ?? 'GET';
  if (documentId === undefined) {
    const isQuery = request.headers['x-ms-documentdb-isquery'] === 'True' || String(request.headers['content-type']).includes('query+json');
    // The SDK asks the gateway for a plan before a cross-partition query's first page; Azure charges no RU for it.
    if (method === 'POST' && isQuery) {
      const kind = String(request.headers['x-ms-cosmos-is-query-plan-request']).toLowerCase() === 'true' ? 'query-plan' : 'query';
      return { container, kind, ...queryTextOf(body) };
    }
    if (method === 'POST') return withTicket(request.headers['x-ms-documentdb-is-upsert'] === 'True' ? 'upsert' : 'create');
    return { container, kind: 'query' };
  }
  switch (method) {
    case 'GET':
      return withTicket('read');
    case 'PUT':
      return withTicket('replace');
    case 'PATCH':
      return withTicket('patch');
    case 'DELETE':
      return withTicket('delete');
    default:
      return withTicket('create');
  }
}

export async function startStoreCounter(): Promise<StoreCounter> {
  const packageDir = path.dirname(require.resolve('@vercel/cosmosdb-server/package.json'));
  const tls = { cert: readFileSync(path.join(packageDir, 'cert.pem')), key: readFileSync(path.join(packageDir, 'key.pem')) };
  const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });
  let target: URL | undefined;
  let counted: StoreOperation[] = [];

  const server = https.createServer({ ...tls, keepAlive: true }, (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      if (target === undefined) {
        response.writeHead(503, { 'content-type': 'application/json' });
        response.end('{"code":"ServiceUnavailable","message":"the counting proxy has no target yet"}');
        return;
      }
      const classified = classify(request, body.toString('utf8'));
      const upstream = https.request(
        { protocol: target.protocol, hostname: target.hostname, port: target.port, path: request.url, method: request.method, headers: { ...request.headers, host: target.host }, agent },
        (answer) => {
          let responseBytes = 0;
          answer.on('data', (chunk: Buffer) => {
            responseBytes += chunk.length;
          });
          answer.on('end', () => counted.push({ ...classified, requestBytes: body.length, responseBytes }));
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      upstream.on('error', () => {
        if (!response.headersSent) response.writeHead(502);
        response.end();
      });
      upstream.end(body);
    });
  });
  // As the stand-in behind it (and Azure's load balancers): Node's 5 s would make the app open its
  // connections again, a TLS handshake each, after every pause of a bench.
  server.keepAliveTimeout = IDLE_CONNECTION_TIMEOUT_MS;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    endpoint: `https://127.0.0.1:${String(port)}/`,
    forwardTo: (endpoint) => {
      target = new URL(endpoint);
    },
    operations: () => counted,
    reset: () => {
      counted = [];
    },
    stop: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
