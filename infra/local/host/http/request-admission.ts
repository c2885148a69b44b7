/**
 * Which requests the host answers itself before any function runs. Azure's host (ASP.NET Core on
 * Kestrel, whose limits the Functions host leaves at their defaults) refuses only a request line
 * over 8 KB (414) and header lines over 32 KB (431); it neither parses the Content-Type nor
 * limits route values, so a header such as `foo/bar;;;` or a 400-character route value reaches
 * the function, which decides. fastify would answer both itself (415, and 414 past 100
 * characters per parameter): this undoes that and applies Kestrel's limits instead.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Kestrel's `MaxRequestLineSize` default: method, target, version and the closing CRLF, in bytes. */
export const MAX_REQUEST_LINE_BYTES = 8192;
/** Kestrel's `MaxRequestHeadersTotalSize` default: every header line with its CRLF, in bytes. */
export const MAX_REQUEST_HEADERS_BYTES = 32 * 1024;
/** Node's own parser limit (request line and headers together) must not refuse what Kestrel accepts. */
export const NODE_MAX_HEADER_SIZE = MAX_REQUEST_LINE_BYTES + MAX_REQUEST_HEADERS_BYTES;

/** Any value fastify parses, so that its body reader takes the bytes without judging their type. */
const NEUTRAL_MEDIA_TYPE = 'application/octet-stream';

function requestLineBytes(request: FastifyRequest): number {
  const { method, url, httpVersion } = request.raw;
  return Buffer.byteLength(`${method ?? ''} ${url ?? ''} HTTP/${httpVersion}\r\n`, 'latin1');
}

/** Header lines as clients write them (`Name: value` and CRLF), the way Kestrel counts them. */
function headerLinesBytes(request: FastifyRequest): number {
  const raw = request.raw.rawHeaders;
  let total = 0;
  for (let index = 0; index + 1 < raw.length; index += 2) {
    total += Buffer.byteLength(`${raw[index] ?? ''}: ${raw[index + 1] ?? ''}\r\n`, 'latin1');
  }
  return total;
}

function refusal(request: FastifyRequest): 414 | 431 | undefined {
  if (requestLineBytes(request) > MAX_REQUEST_LINE_BYTES) return 414;
  if (headerLinesBytes(request) > MAX_REQUEST_HEADERS_BYTES) return 431;
  return undefined;
}

/**
 * The headers as the client sent them. Whatever hands a request on (to a function, to an
 * extension) reads these: `request.headers` shows fastify the neutral media type instead.
 */
export function headersAsSent(request: FastifyRequest): FastifyRequest['raw']['headers'] {
  return request.raw.headers;
}

export function admitRequestsAsAzureDoes(server: FastifyInstance): void {
  server.addHook('onRequest', (request, reply, done) => {
    const status = refusal(request);
    if (status !== undefined) {
      // Kestrel answers with an empty body and closes, before routing: no function sees it.
      void reply.code(status).header('connection', 'close').send();
      return;
    }
    if (request.raw.headers['content-type'] !== undefined) {
      // fastify merges these over the raw headers, which keep what the client sent.
      request.headers = { 'content-type': NEUTRAL_MEDIA_TYPE };
    }
    done();
  });
}
