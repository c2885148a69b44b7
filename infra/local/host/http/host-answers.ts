/**
 * What the host answers itself, around whatever the function answers: host.json's custom headers
 * on every response, and a problem+json body (RFC 9457) for a request it cannot parse (bad
 * percent-encoding in the target, invalid header bytes, an unknown method), so a client reads
 * every 400 the same way whether the host or the app refused it. The host loads any app and
 * imports none, so it spells its one problem type here, in the app's problem-type namespace.
 */
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The request itself (its target, header bytes or method) could not be parsed; the host answers before any function. */
export const MALFORMED_REQUEST_TYPE = 'https://baton.dev/problems/malformed-request';

/** The RFC 9457 members the host writes. */
export interface HostProblem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
}

export type CustomHeaders = Readonly<Record<string, string>>;

/** The request line or headers Node's parser refused, by the parser's error code. */
const PARSER_REFUSALS: Readonly<Record<string, { readonly title: string; readonly detail: string }>> = {
  HPE_INVALID_METHOD: { title: 'The request method is not recognised', detail: 'Use one of the standard HTTP methods.' },
  HPE_INVALID_HEADER_TOKEN: { title: 'The request has invalid header bytes', detail: 'A header name or value holds characters HTTP does not allow.' },
  HPE_INVALID_HEADER_VALUE: { title: 'The request has invalid header bytes', detail: 'A header value holds characters HTTP does not allow.' },
};
const UNREADABLE_REQUEST = { title: 'The request could not be parsed', detail: 'The request line or headers are not valid HTTP/1.1.' };

export function malformedRequestProblem(title: string, detail: string): HostProblem {
  return { type: MALFORMED_REQUEST_TYPE, title, status: 400, detail };
}

/** host.json's custom headers on every response fastify sends: the functions' and the host's own. */
export function addCustomHeaders(server: FastifyInstance, headers: CustomHeaders): void {
  if (Object.keys(headers).length === 0) return;
  server.addHook('onSend', (_request, reply, payload, done) => {
    for (const [name, value] of Object.entries(headers)) void reply.header(name, value);
    done(null, payload);
  });
}

export function sendProblem(reply: FastifyReply, problem: HostProblem, headers: CustomHeaders): FastifyReply {
  return reply
    .code(problem.status)
    .headers({ ...headers, 'content-type': PROBLEM_CONTENT_TYPE, 'cache-control': 'no-store' })
    .send(Buffer.from(JSON.stringify(problem)));
}

/** fastify's `frameworkErrors`: the router met a target whose percent-encoding does not decode. */
export function answerFrameworkError(headers: CustomHeaders) {
  return (error: FastifyError, _request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    const badUrl = error.code === 'FST_ERR_BAD_URL';
    return sendProblem(
      reply,
      malformedRequestProblem(
        badUrl ? 'The request target is not valid percent-encoding' : 'The request could not be routed',
        badUrl ? 'Every % in the path must start a valid UTF-8 percent-encoded byte.' : 'The request target could not be read.',
      ),
      headers,
    );
  };
}

/**
 * fastify's `clientErrorHandler`: Node's parser refused the request before any route, so the
 * answer is written to the socket by hand (as Node and fastify do) and the connection closed.
 */
export function answerClientError(headers: CustomHeaders) {
  return (error: NodeJS.ErrnoException, socket: Socket): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    if (!socket.writable) {
      socket.destroy(error);
      return;
    }
    const overflow = error.code === 'HPE_HEADER_OVERFLOW';
    const timeout = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    if (overflow || timeout) {
      // Kestrel's limits answer with an empty body (see request-admission.ts); so does a timeout.
      const status = overflow ? '431 Request Header Fields Too Large' : '408 Request Timeout';
      socket.end(`HTTP/1.1 ${status}\r\n${headerLines(headers)}Content-Length: 0\r\nConnection: close\r\n\r\n`);
      return;
    }
    const { title, detail } = PARSER_REFUSALS[error.code ?? ''] ?? UNREADABLE_REQUEST;
    const body = JSON.stringify(malformedRequestProblem(title, detail));
    socket.end(
      `HTTP/1.1 400 Bad Request\r\n${headerLines(headers)}Content-Type: ${PROBLEM_CONTENT_TYPE}\r\nCache-Control: no-store\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  };
}

function headerLines(headers: CustomHeaders): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
}
