/**
 * An HTTPS proxy in front of the Cosmos stand-in, for tests that need to see or break one
 * container only: it records every request the app makes (container, kind, document id) and,
 * while a container is marked down, answers its requests 503 as an outage of that container would,
 * leaving the others working. Cosmos has no transaction across containers, and this is how a test
 * puts the app between its two writes.
 */
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** `query-plan`: the SDK asks the gateway how to run a cross-partition query; no documents are read. */
export type StoreRequestKind = 'read' | 'write' | 'query' | 'query-plan' | 'metadata';

export interface StoreRequest {
  readonly container: string;
  readonly kind: StoreRequestKind;
  /** The document a read or write names in its path (a create names none). */
  readonly documentId?: string;
}

export interface StoreProxy {
  /** Give the app's Cosmos client this endpoint instead of the stand-in's. */
  readonly endpoint: string;
  requests(): readonly StoreRequest[];
  reset(): void;
  setContainerDown(container: string, down: boolean): void;
  stop(): Promise<void>;
}

function classify(request: IncomingMessage): StoreRequest {
  const url = new URL(request.url ?? '/', 'https://proxy');
  const parts = url.pathname.split('/').filter((part) => part !== '');
  const collIndex = parts.indexOf('colls');
  const container = collIndex >= 0 ? decodeURIComponent(parts[collIndex + 1] ?? '') : '';
  const docsIndex = parts.indexOf('docs');
  if (docsIndex < 0) return { container, kind: 'metadata' };
  const documentId = parts[docsIndex + 1];
  if (request.headers['x-ms-cosmos-is-query-plan-request'] === 'True') return { container, kind: 'query-plan' };
  const isQuery = request.headers['x-ms-documentdb-isquery'] === 'True' || String(request.headers['content-type']).includes('query+json');
  if (documentId === undefined) return { container, kind: isQuery || request.method === 'GET' ? 'query' : 'write' };
  return { container, kind: request.method === 'GET' ? 'read' : 'write', documentId: decodeURIComponent(documentId) };
}

function refuse(response: ServerResponse): void {
  const body = JSON.stringify({ code: 'ServiceUnavailable', message: 'This container is down (test outage).' });
  response.writeHead(503, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-ms-substatus': '0' });
  response.end(body);
}

export async function startStoreProxy(target: string): Promise<StoreProxy> {
  const packageDir = path.dirname(require.resolve('@vercel/cosmosdb-server/package.json'));
  const tls = { cert: readFileSync(path.join(packageDir, 'cert.pem')), key: readFileSync(path.join(packageDir, 'key.pem')) };
  const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });
  const upstream = new URL(target);
  const down = new Set<string>();
  let recorded: StoreRequest[] = [];

  const server = https.createServer({ ...tls, keepAlive: true }, (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const classified = classify(request);
      recorded.push(classified);
      if (down.has(classified.container)) {
        refuse(response);
        return;
      }
      const forwarded = https.request(
        { hostname: upstream.hostname, port: upstream.port, path: request.url, method: request.method, headers: { ...request.headers, host: upstream.host }, agent },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      forwarded.on('error', () => {
        if (!response.headersSent) response.writeHead(502);
        response.end();
      });
      forwarded.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    endpoint: `https://127.0.0.1:${String(port)}/`,
    requests: () => recorded,
    reset: () => {
      recorded = [];
    },
    setContainerDown: (container, isDown) => {
      if (isDown) down.add(container);
      else down.delete(container);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
