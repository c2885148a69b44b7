/**
 * Sorts what the Cosmos SDK throws into the few outcomes callers act on. `unavailable` is the one
 * the HTTP edge turns into 503 + Retry-After: the store is down, slow or throttling even after the
 * SDK's own retries, and the same request may succeed later.
 */
export type StoreFailure =
  | { readonly kind: 'unavailable'; readonly retryAfterSeconds: number; readonly reason: string }
  | { readonly kind: 'conflict' }
  | { readonly kind: 'precondition-failed' }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'unexpected'; readonly reason: string; readonly statusCode?: number };

/** How long a client should wait when the store gave no hint of its own. */
export const DEFAULT_RETRY_AFTER_SECONDS = 5;

/** What a service tells its caller when the store failed: try again later, or a fault that retrying will not mend. */
export type UnavailableOrFailed = { readonly kind: 'unavailable'; readonly failure: StoreFailure } | { readonly kind: 'failed'; readonly reason: string };

/** An unavailable store is an outage to wait out; any other failure is a fault, named by what was being done. */
export function unavailableOrFailed(failure: StoreFailure, what: string): UnavailableOrFailed {
  return failure.kind === 'unavailable' ? { kind: 'unavailable', failure } : { kind: 'failed', reason: `${what}: ${failure.kind}` };
}

/** How long to ask a client to wait after a failure: the store's own hint when it was unavailable. */
export function retryAfterOf(failure: StoreFailure): number {
  return failure.kind === 'unavailable' ? failure.retryAfterSeconds : DEFAULT_RETRY_AFTER_SECONDS;
}

/** Socket-level failures: the store could not be reached or dropped the connection. */
const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'REQUEST_SEND_ERROR',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Service answers that mean "not now": timeout, gone, retry-with, throttled, server trouble. */
const TRANSIENT_STATUS_CODES = new Set([408, 410, 429, 449, 500, 502, 503, 504]);

interface ErrorFields {
  readonly code?: unknown;
  readonly statusCode?: unknown;
  readonly name?: unknown;
  readonly message?: unknown;
  readonly retryAfterInMs?: unknown;
}

function fieldsOf(error: unknown): ErrorFields {
  return typeof error === 'object' && error !== null ? (error as ErrorFields) : {};
}

function statusOf(fields: ErrorFields): number | undefined {
  if (typeof fields.code === 'number') return fields.code;
  if (typeof fields.statusCode === 'number') return fields.statusCode;
  return undefined;
}

function retryAfterSeconds(fields: ErrorFields): number {
  const ms = fields.retryAfterInMs;
  if (typeof ms === 'number' && Number.isFinite(ms) && ms > 0) return Math.max(1, Math.ceil(ms / 1000));
  return DEFAULT_RETRY_AFTER_SECONDS;
}

function describe(error: unknown, fields: ErrorFields): string {
  if (typeof fields.message === 'string' && fields.message !== '') return fields.message.slice(0, 300);
  return String(error).slice(0, 300);
}

export function classifyStoreError(error: unknown): StoreFailure {
  const fields = fieldsOf(error);
  const status = statusOf(fields);
  if (status === 409) return { kind: 'conflict' };
  if (status === 412) return { kind: 'precondition-failed' };
  if (status === 404) return { kind: 'not-found' };
  if (status !== undefined && TRANSIENT_STATUS_CODES.has(status)) {
    return { kind: 'unavailable', retryAfterSeconds: retryAfterSeconds(fields), reason: `store answered ${status}` };
  }
  const code = typeof fields.code === 'string' ? fields.code : undefined;
  if (code === 'TimeoutError' || fields.name === 'TimeoutError') {
    return { kind: 'unavailable', retryAfterSeconds: DEFAULT_RETRY_AFTER_SECONDS, reason: 'store request timed out' };
  }
  if (code !== undefined && NETWORK_ERROR_CODES.has(code)) {
    return { kind: 'unavailable', retryAfterSeconds: DEFAULT_RETRY_AFTER_SECONDS, reason: `store unreachable (${code})` };
  }
  return {
    kind: 'unexpected',
    reason: describe(error, fields),
    ...(status === undefined ? {} : { statusCode: status }),
  };
}
