/**
 * fast-check generators of hostile and careless HTTP requests to Baton's API: any operation of the
 * catalogue, any ticket number (real, near-miss or garbage), any credential (valid, another
 * ticket's, forged, nonsense), any media type and any body (random JSON, broken JSON, invalid
 * UTF-8, deep or prototype-polluting form fields, near-valid commands, oversized text).
 */
import fc from 'fast-check';
import type { ApiOperation } from '../../../shared/http-api/api-operation';
import { API_OPERATIONS } from '../../../shared/http-api/api-operations';
import { STAFF_COMMAND_NAMES } from '../../../shared/http-api/staff-command-body';

export interface FuzzCredentials {
  readonly ticketNumber: string;
  readonly requesterToken: string;
  readonly otherRequesterToken: string;
  readonly staffTokens: readonly string[];
  readonly forgedTokens: readonly string[];
}

export interface FuzzRequest {
  readonly operationId: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: Uint8Array;
  /** Sent as a stream without Content-Length (chunked), so the size limit is met while reading. */
  readonly streamed: boolean;
}

/** Printable ASCII: what fetch lets through in a header value. */
const headerText = (maxLength: number) => fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength });

const base64urlPart = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), minLength: 1, maxLength: 80 });

function ticketSegment(credentials: FuzzCredentials): fc.Arbitrary<string> {
  return fc
    .oneof(
      { weight: 6, arbitrary: fc.constant(credentials.ticketNumber) },
      { weight: 2, arbitrary: fc.stringMatching(/^BTN-\d{6}-[0-9A-Z]{5}$/) },
      { weight: 2, arbitrary: fc.string({ maxLength: 60 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
      { weight: 1, arbitrary: fc.constantFrom('', ' ', '%', 'BTN-261124-0000%', 'btn-261124-abcde', 'A'.repeat(500), '<script>', "' OR 1=1 --", '../admin') },
    )
    // One path segment, never one the URL parser would resolve away ('.', '..').
    .filter((segment) => segment !== '' && !/^(\.|%2e){1,2}$/i.test(segment))
    .map((segment) => encodeURIComponent(segment));
}

function authorization(credentials: FuzzCredentials): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    fc.constant(undefined),
    fc.constant(`Bearer ${credentials.requesterToken}`),
    fc.constant(`Bearer ${credentials.otherRequesterToken}`),
    fc.constantFrom(...credentials.staffTokens).map((token) => `Bearer ${token}`),
    fc.constantFrom(...credentials.forgedTokens).map((token) => `Bearer ${token}`),
    fc.tuple(base64urlPart, base64urlPart, base64urlPart).map(([a, b, c]) => `Bearer ${a}.${b}.${c}`),
    headerText(300).map((text) => `Bearer ${text}`),
    headerText(300),
    fc.constantFrom('Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'Negotiate abc', `bearer ${credentials.requesterToken}`),
  );
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/x-www-form-urlencoded',
  'text/plain',
  'multipart/form-data; boundary=xyz',
  'application/xml',
  ';;;',
];

const formFieldName = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('message', 'reason', 'solution', 'type', 'requester.email', 'requester[name]', 'tags[]', 'a[b][c][d][e][f][g][h][i]', '__proto__', 'constructor.prototype', 'a[]x', 'a..b'),
);

const formBody = fc.array(fc.tuple(formFieldName, fc.string({ maxLength: 60 })), { maxLength: 12 }).map((fields) => new URLSearchParams(fields).toString());

const looseValue = fc.oneof(fc.string({ maxLength: 50 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }), fc.object({ maxDepth: 1 }));

/** A command or action body with the right shape and careless values, to reach the domain itself. */
const nearValidBody = fc.oneof(
  fc.record(
    {
      type: fc.constantFrom(...STAFF_COMMAND_NAMES, 'confirm-resolution', 'triage', 'raise-sla-alert', 'self-close'),
      message: fc.oneof(fc.string({ maxLength: 200 }), looseValue),
      note: looseValue,
      reason: fc.oneof(fc.string({ maxLength: 100 }), looseValue),
      summary: fc.string({ maxLength: 100 }),
      nextStep: fc.string({ maxLength: 50 }),
      to: fc.oneof(fc.constantFrom('A', 'B', 'C', 'D'), looseValue),
      engineerId: fc.oneof(fc.constantFrom('maria-garcia', 'lukas-weber', 'nobody'), looseValue),
      toEngineerId: fc.constantFrom('grace-okafor', 'NOT A SLUG'),
      justification: fc.string({ maxLength: 100 }),
      explanation: fc.string({ maxLength: 100 }),
      status: fc.constantFrom('open', 'closed', 'nonsense'),
      outcome: fc.oneof(fc.record({ status: fc.constantFrom('opened', 'failed'), caseId: fc.string({ maxLength: 20 }) }), looseValue),
      actor: fc.record({ role: fc.constantFrom('system', 'admin', 'requester') }),
    },
    { requiredKeys: ['type'] },
  ),
  fc.record({ message: looseValue, reason: looseValue, solution: looseValue }, { requiredKeys: [] }),
);

function jsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value) ?? 'null');
}

const body: fc.Arbitrary<Uint8Array | undefined> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }).map(jsonBytes) },
  { weight: 4, arbitrary: nearValidBody.map(jsonBytes) },
  { weight: 2, arbitrary: fc.string({ maxLength: 200 }).map((text) => new TextEncoder().encode(text)) },
  { weight: 1, arbitrary: fc.constantFrom('{', '{"message":', '[1,2', 'null', '""', '{"__proto__":{"admin":true}}', '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]').map((text) => new TextEncoder().encode(text)) },
  { weight: 2, arbitrary: formBody.map((text) => new TextEncoder().encode(text)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
  { weight: 1, arbitrary: fc.constantFrom(70 * 1024, 300 * 1024).map((size) => new TextEncoder().encode(JSON.stringify({ message: 'x'.repeat(size) }))) },
);

const extraQuery = fc.dictionary(fc.constantFrom('access', 'queue', 'status', 'limit', 'x', 'access[]'), fc.string({ maxLength: 40 }), { maxKeys: 3 });

function pathOf(operation: ApiOperation, segment: string, query: Record<string, string>): string {
  // A contract id takes the same careless segments: never a real contract, so the fuzz changes no configuration.
  const path = operation.path.replace('{ticketNumber}', segment).replace('{contractId}', segment);
  const search = new URLSearchParams(query).toString();
  return search === '' ? path : `${path}?${search}`;
}

export function fuzzRequest(credentials: FuzzCredentials): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      operation: fc.constantFrom(...API_OPERATIONS),
      segment: ticketSegment(credentials),
      query: extraQuery,
      authorization: authorization(credentials),
      contentType: fc.option(fc.constantFrom(...CONTENT_TYPES), { nil: undefined }),
      accept: fc.option(fc.constantFrom('text/html', 'application/json', '*/*'), { nil: undefined }),
      idempotencyKey: fc.option(headerText(300), { nil: undefined }),
      body,
      streamed: fc.boolean(),
    })
    .map(({ operation, segment, query, authorization: credential, contentType, accept, idempotencyKey, body: bytes, streamed }) => {
      const headers: Record<string, string> = {};
      if (credential !== undefined) headers.authorization = credential;
      if (contentType !== undefined) headers['content-type'] = contentType;
      if (accept !== undefined) headers.accept = accept;
      if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
      return {
        operationId: operation.operationId,
        method: operation.method,
        path: pathOf(operation, segment, query),
        headers,
        ...(operation.method === 'POST' && bytes !== undefined ? { body: bytes } : {}),
        streamed: operation.method === 'POST' && bytes !== undefined && streamed,
      };
    });
}
