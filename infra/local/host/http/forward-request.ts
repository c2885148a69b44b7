/**
 * Hands one request on to another local endpoint and brings its answer back whole, as the
 * Functions host hands a webhook request to the extension that owns it. The Host header travels
 * unchanged, so links the extension builds from it name the host's origin, not its own.
 */
import http from 'node:http';

export interface ForwardedRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer | undefined;
}

export interface ForwardedAnswer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

/** Per-connection headers (RFC 9110 §7.6.1): they describe one hop, never the next. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Headers to pass on: hop-by-hop ones dropped, and the length recomputed from the bytes sent. */
export function endToEndHeaders(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const kept: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || name === 'content-length') continue;
    kept[name] = value;
  }
  return kept;
}

export function forwardRequest(request: ForwardedRequest): Promise<ForwardedAnswer> {
  const body = request.body ?? Buffer.alloc(0);
  const headers = endToEndHeaders(request.headers);
  if (body.length > 0 || request.method !== 'GET') headers['content-length'] = body.length;
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      request.url,
      { method: request.method, headers, agent: false },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 502, headers: incoming.headers, body: Buffer.concat(chunks) }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
