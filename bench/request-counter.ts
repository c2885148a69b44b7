/**
 * A counting HTTP proxy for the benches: put in front of a plain-HTTP service (Azurite's blob,
 * queue and table endpoints, the email stand-in), it forwards every request unchanged, the Host
 * header included (the email stand-in checks the signature the client computed over it), and
 * tallies each by a kind its `classify` names (e.g. `table POST BatonLocalHistory`).
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';

export interface RequestCounter {
  /** `http://127.0.0.1:<port>`: the origin to give the client instead of the service's. */
  readonly origin: string;
  /** Where requests go; until it is set, the proxy answers 503 (clients retry). */
  forwardTo(target: string): void;
  /** Requests by kind since the last reset. */
  counts(): ReadonlyMap<string, number>;
  reset(): void;
  stop(): Promise<void>;
}

export async function startRequestCounter(classify: (request: IncomingMessage) => string): Promise<RequestCounter> {
  let upstream: URL | undefined;
  const agent = new http.Agent({ keepAlive: true });
  let counted = new Map<string, number>();
  const server = http.createServer({ keepAlive: true }, (request: IncomingMessage, response: ServerResponse) => {
    if (upstream === undefined) {
      response.writeHead(503).end();
      return;
    }
    const kind = classify(request);
    counted.set(kind, (counted.get(kind) ?? 0) + 1);
    const forwarded = http.request(
      { hostname: upstream.hostname, port: upstream.port, path: request.url, method: request.method, headers: request.headers, agent },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    forwarded.on('error', () => {
      if (!response.headersSent) response.writeHead(502);
      response.end();
    });
    request.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${String(port)}`,
    forwardTo: (target) => {
      upstream = new URL(target);
    },
    counts: () => counted,
    reset: () => {
      counted = new Map();
    },
    stop: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `table POST Instances`, `queue GET control-00`…: the service, the method and the table or queue (the task hub's prefix kept). */
export function azuriteRequestKind(service: 'blob' | 'queue' | 'table'): (request: IncomingMessage) => string {
  return (request) => {
    const parts = new URL(request.url ?? '/', 'http://proxy').pathname.split('/').filter((part) => part !== '');
    // Path-style: /<account>/<table or queue>[/messages…]; a table's entity address carries its keys in brackets.
    const resource = decodeURIComponent(parts[1] ?? '').replace(/\(.*$/, '');
    const messages = parts[2] === 'messages' ? ' messages' : '';
    return `${service} ${request.method ?? 'GET'} ${resource}${messages}`;
  };
}

/** `POST /emails:send`, `GET /emails/operations`: what the email client asked the service. */
export function emailRequestKind(request: IncomingMessage): string {
  const pathname = new URL(request.url ?? '/', 'http://proxy').pathname;
  return `email ${request.method ?? 'GET'} ${pathname.startsWith('/emails/operations/') ? '/emails/operations/{id}' : pathname}`;
}
