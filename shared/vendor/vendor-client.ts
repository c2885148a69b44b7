/**
 * Baton's client for the upstream vendor's service-request API. Expected failures come back as
 * values (`VendorResult`), never as exceptions: an activity can then decide to retry later on a
 * durable timer, tell the engineer, or give up, without try/catch around every call.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  DEFAULT_VENDOR_RETRY_POLICY,
  decideRetry,
  isTransientStatus,
  parseRetryAfter,
  type VendorRetryPolicy,
} from './vendor-retry';
import {
  NewNoteSchema,
  NewServiceRequestSchema,
  ServiceRequestSchema,
  VendorErrorBodySchema,
  type NewNote,
  type NewServiceRequest,
  type ServiceRequest,
} from './vendor-schemas';

export type VendorAuth =
  /** A static key sent in a header (`x-api-key` unless told otherwise); what the local stand-in takes. */
  | { readonly kind: 'api-key'; readonly apiKey: string; readonly header?: string }
  /** A bearer token fetched per attempt, so a token provider can refresh it (managed identity in Azure). */
  | { readonly kind: 'bearer'; readonly getToken: () => Promise<string> };

export type VendorError =
  | { readonly kind: 'invalid-request'; readonly message: string }
  | { readonly kind: 'not-found'; readonly status: 404; readonly message: string }
  | { readonly kind: 'unauthorized'; readonly status: 401 | 403; readonly message: string }
  /** The vendor refused the request itself (a 4xx other than the above); retrying will not help. */
  | { readonly kind: 'rejected'; readonly status: number; readonly code?: string; readonly message: string }
  /** Transient failures outlasted the retry policy. `retryAfterMs` is the vendor's last hint, if any. */
  | {
      readonly kind: 'unavailable';
      readonly attempts: number;
      readonly lastStatus?: number;
      readonly retryAfterMs?: number;
      readonly message: string;
    }
  /** The vendor answered 2xx with a body that does not match the contract. */
  | { readonly kind: 'invalid-response'; readonly status: number; readonly message: string };

export type VendorResult<T> =
  | { readonly ok: true; readonly value: T; readonly attempts: number }
  | { readonly ok: false; readonly error: VendorError };

export interface VendorClientOptions {
  /** e.g. `http://127.0.0.1:8090` locally; paths are `/v1/servicerequests...` below it. */
  readonly baseUrl: string;
  readonly auth: VendorAuth;
  readonly fetch?: typeof fetch;
  readonly retry?: Partial<VendorRetryPolicy>;
  /** Per-attempt timeout; default 10 s. */
  readonly timeoutMs?: number;
  /** Locale of the filing organisation, part of the create path as in Partner Center; default en-US. */
  readonly agentLocale?: string;
  /** Waits between attempts; tests pass a recorder instead of real time. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Source of jitter in [0, 1). */
  readonly random?: () => number;
  readonly now?: () => number;
}

export interface RequestOptions {
  /**
   * Sent as `MS-RequestId` on every attempt of this call; the vendor applies a request id once.
   * Pass a stable value (derived from the ticket) when a durable activity may run the call again.
   */
  readonly requestId?: string;
  readonly correlationId?: string;
}

export interface VendorClient {
  createCase(request: NewServiceRequest, options?: RequestOptions): Promise<VendorResult<ServiceRequest>>;
  getCase(caseId: string, options?: RequestOptions): Promise<VendorResult<ServiceRequest>>;
  addNote(caseId: string, note: NewNote, options?: RequestOptions): Promise<VendorResult<ServiceRequest>>;
}

type Attempt =
  | { readonly kind: 'response'; readonly status: number; readonly body: unknown; readonly retryAfter: string | null }
  | { readonly kind: 'network'; readonly message: string };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function readBodyJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The non-retryable error for a final non-2xx answer. */
function errorForStatus(status: number, body: unknown): VendorError {
  const parsed = VendorErrorBodySchema.safeParse(body);
  const message = parsed.success ? parsed.data.description : `vendor answered ${status}`;
  if (status === 404) return { kind: 'not-found', status, message };
  if (status === 401 || status === 403) return { kind: 'unauthorized', status, message };
  return { kind: 'rejected', status, code: parsed.success ? parsed.data.code : undefined, message };
}

export function createVendorClient(options: VendorClientOptions): VendorClient {
  const policy: VendorRetryPolicy = { ...DEFAULT_VENDOR_RETRY_POLICY, ...options.retry };
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const base = options.baseUrl.replace(/\/+$/, '');

  const authHeaders = async (): Promise<Record<string, string>> => {
    if (options.auth.kind === 'api-key') return { [options.auth.header ?? 'x-api-key']: options.auth.apiKey };
    return { authorization: `Bearer ${await options.auth.getToken()}` };
  };

  const attemptOnce = async (method: string, path: string, body: unknown, ids: Required<RequestOptions>): Promise<Attempt> => {
    try {
      const response = await fetchImpl(`${base}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          'ms-requestid': ids.requestId,
          'ms-correlationid': ids.correlationId,
          ...(await authHeaders()),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      return {
        kind: 'response',
        status: response.status,
        body: await readBodyJson(response),
        retryAfter: response.headers.get('retry-after'),
      };
    } catch (error) {
      return { kind: 'network', message: messageOf(error) };
    }
  };

  const call = async <T>(
    method: string,
    path: string,
    body: unknown,
    schema: z.ZodType<T>,
    requestOptions: RequestOptions = {},
  ): Promise<VendorResult<T>> => {
    // One request id for every attempt: a retried create or note must not be applied twice.
    const ids = {
      requestId: requestOptions.requestId ?? randomUUID(),
      correlationId: requestOptions.correlationId ?? randomUUID(),
    };
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await attemptOnce(method, path, body, ids);
      if (outcome.kind === 'response' && outcome.status >= 200 && outcome.status < 300) {
        const parsed = schema.safeParse(outcome.body);
        return parsed.success
          ? { ok: true, value: parsed.data, attempts: attempt }
          : { ok: false, error: { kind: 'invalid-response', status: outcome.status, message: parsed.error.message } };
      }
      if (outcome.kind === 'response' && !isTransientStatus(outcome.status)) {
        return { ok: false, error: errorForStatus(outcome.status, outcome.body) };
      }
      const retryAfterMs = outcome.kind === 'response' ? parseRetryAfter(outcome.retryAfter, now()) : undefined;
      const decision = decideRetry(attempt, retryAfterMs, policy, random);
      if (!decision.retry) {
        const lastStatus = outcome.kind === 'response' ? outcome.status : undefined;
        const message =
          outcome.kind === 'network' ? `vendor unreachable: ${outcome.message}` : `vendor answered ${outcome.status}`;
        return {
          ok: false,
          error: { kind: 'unavailable', attempts: attempt, lastStatus, retryAfterMs: decision.retryAfterMs, message },
        };
      }
      await sleep(decision.delayMs);
    }
  };

  return {
    createCase(request, requestOptions) {
      const input = NewServiceRequestSchema.safeParse(request);
      if (!input.success) return Promise.resolve({ ok: false, error: { kind: 'invalid-request', message: input.error.message } });
      const locale = encodeURIComponent(options.agentLocale ?? 'en-US');
      return call('POST', `/v1/servicerequests/${locale}`, input.data, ServiceRequestSchema, requestOptions);
    },
    getCase(caseId, requestOptions) {
      return call('GET', `/v1/servicerequests/${encodeURIComponent(caseId)}`, undefined, ServiceRequestSchema, requestOptions);
    },
    addNote(caseId, note, requestOptions) {
      const input = NewNoteSchema.safeParse(note);
      if (!input.success) return Promise.resolve({ ok: false, error: { kind: 'invalid-request', message: input.error.message } });
      const path = `/v1/servicerequests/${encodeURIComponent(caseId)}`;
      return call('PATCH', path, { newNote: input.data }, ServiceRequestSchema, requestOptions);
    },
  };
}
