/**
 * The offline upstream vendor: a Partner Center–style service-request API (`/v1/servicerequests`)
 * over HTTP on loopback, scripted vendor engineers, and signed callbacks to Baton on every change.
 *
 * API (auth: `x-api-key: KEY` or `Authorization: Bearer KEY`; `MS-RequestId` makes a call idempotent):
 *   POST  /v1/servicerequests/{agentLocale}   NewServiceRequest → 201 ServiceRequest (200 on a replayed request id)
 *   GET   /v1/servicerequests/{id}            → 200 ServiceRequest | 404
 *   PATCH /v1/servicerequests/{id}            {"newNote": {text, createdByName}} → 200 ServiceRequest
 *   GET   /v1/servicerequests                 → 200 {"totalCount", "items"}
 * Script (no auth, local only), bodies JSON:
 *   POST /_script/answer-after   {"matcher": {id?, titleIncludes?, tenantDomain?, supportTopicId?}, "ms", "note"}
 *   POST /_script/fail-next      {"count", "status"?: 429|500|502|503|504, "retryAfterSeconds"?}
 *   POST /_script/declare-scope  {"caseId", "scope": "cloud"|"on-premises"}
 *   POST /_script/resolve        {"caseId", "note"}
 *   POST /_script/callback       {"url", "secret"}   GET /_script/cases   GET /_script/callbacks
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { z } from 'zod';
import {
  NewServiceRequestSchema,
  ServiceRequestPatchSchema,
  VendorScopeSchema,
  type ServiceRequest,
  type VendorScope,
} from '../../../shared/vendor';
import { closeServer, listenOnLoopback, LOOPBACK, parseJsonBody, readBody, sendJson } from './http-server';
import { realTimeClock, type StandInClock } from './standin-clock';
import { createCallbackSender, type CallbackDelivery, type CallbackTarget } from './vendor-callbacks';
import { openCaseBook } from './vendor-case-book';
import { CaseCriteriaSchema, createVendorScript, VENDOR_ENGINEER, type CaseMatcher } from './vendor-script';

/** The port `npm start` uses. */
export const DEFAULT_VENDOR_STANDIN_PORT = 8090;

/** The API key the stand-in accepts unless told otherwise; fixed so local settings stay stable. Not a secret. */
export const VENDOR_STANDIN_API_KEY = createHash('sha256').update('baton local vendor stand-in').digest('hex');

export type VendorFailureStatus = 429 | 500 | 502 | 503 | 504;

export interface VendorStandInOptions {
  /** 0 picks a free port (tests); default {@link DEFAULT_VENDOR_STANDIN_PORT}. */
  readonly port?: number;
  /** Where cases are kept between runs; without it, in memory only. */
  readonly dataFile?: string;
  /** Baton's vendor callback endpoint; without it no callbacks are sent (see `configureCallback`). */
  readonly callbackUrl?: string;
  /** HMAC secret for the `x-vendor-signature` header; required with `callbackUrl`. */
  readonly callbackSecret?: string;
  readonly apiKey?: string;
  /** Time for case dates and scripted delays; default real time. The stack may pass its host clock. */
  readonly clock?: StandInClock;
  readonly onError?: (error: unknown) => void;
}

export interface VendorScriptControls {
  /** Each open case matching `matcher` gets `note` from a vendor engineer `ms` after it opens, and goes in-progress. */
  answerAfter(matcher: CaseMatcher, ms: number, note: string): void;
  /** The next `count` API requests fail with `status` (default 503), optionally with a Retry-After. */
  failNext(count: number, status?: VendorFailureStatus, retryAfterSeconds?: number): void;
  declareScope(caseId: string, scope: VendorScope): ServiceRequest | undefined;
  resolve(caseId: string, note: string): ServiceRequest | undefined;
}

export interface VendorStandIn {
  /** `http://127.0.0.1:PORT` (no trailing slash) */
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly port: number;
  readonly script: VendorScriptControls;
  cases(): ServiceRequest[];
  /** Where (and with which secret) change callbacks go from now on; undefined stops them. */
  configureCallback(target: CallbackTarget | undefined): void;
  /** Every callback attempt so far, oldest first. */
  callbackDeliveries(): CallbackDelivery[];
  /** Resolves when no callback is in flight and the data file is written. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

const FailNextSchema = z.object({
  count: z.number().int().min(0),
  status: z.union([z.literal(429), z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).optional(),
  retryAfterSeconds: z.number().int().min(0).optional(),
});
const AnswerAfterSchema = z.object({ matcher: CaseCriteriaSchema, ms: z.number().min(0), note: z.string().min(1) });
const DeclareScopeSchema = z.object({ caseId: z.string(), scope: VendorScopeSchema });
const ResolveSchema = z.object({ caseId: z.string(), note: z.string().min(1) });
const CallbackSchema = z.object({ url: z.url(), secret: z.string().min(1) });

function problem(res: ServerResponse, status: number, code: string, description: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { code, description }, headers);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export async function startVendorStandIn(options: VendorStandInOptions = {}): Promise<VendorStandIn> {
  const clock = options.clock ?? realTimeClock;
  const apiKey = options.apiKey ?? VENDOR_STANDIN_API_KEY;
  const onError = options.onError ?? ((error: unknown) => console.error('[vendor stand-in]', error));
  if (options.callbackUrl && !options.callbackSecret) throw new Error('callbackSecret is required with callbackUrl');
  let target: CallbackTarget | undefined =
    options.callbackUrl && options.callbackSecret ? { url: options.callbackUrl, secret: options.callbackSecret } : undefined;
  const callbacks = createCallbackSender({ target: () => target, clock });
  const book = await openCaseBook({
    dataFile: options.dataFile,
    now: () => clock.now(),
    onChange: (serviceRequest, change, sequence) => callbacks.announce(serviceRequest, change, sequence),
    onError,
  });
  const vendorScript = createVendorScript(book, clock);
  let failures: { count: number; status: VendorFailureStatus; retryAfterSeconds?: number } = { count: 0, status: 503 };

  const script: VendorScriptControls = {
    answerAfter: (matcher, ms, note) => vendorScript.answerAfter(matcher, ms, note),
    failNext(count, status = 503, retryAfterSeconds) {
      failures = { count, status, retryAfterSeconds };
    },
    declareScope: (caseId, scope) => book.declareScope(caseId, scope),
    resolve: (caseId, note) => book.resolve(caseId, { text: note, createdByName: VENDOR_ENGINEER }),
  };

  const authorised = (req: IncomingMessage): boolean =>
    header(req, 'x-api-key') === apiKey || header(req, 'authorization') === `Bearer ${apiKey}`;

  const handleApi = (req: IncomingMessage, res: ServerResponse, segments: string[], body: Buffer): void => {
    if (!authorised(req)) return problem(res, 401, 'Unauthorized', 'A valid API key is required.');
    if (failures.count > 0) {
      failures.count -= 1;
      const retryAfter = failures.retryAfterSeconds;
      return problem(res, failures.status, 'ServiceUnavailable', 'Injected failure (local stand-in).',
        retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) });
    }
    const requestId = header(req, 'ms-requestid');
    const [first] = segments;
    if (req.method === 'GET' && first === undefined) {
      const items = book.all();
      return sendJson(res, 200, { totalCount: items.length, items });
    }
    if (req.method === 'POST' && first !== undefined) {
      const input = NewServiceRequestSchema.safeParse(parseJsonBody(body));
      if (!input.success) return problem(res, 400, 'BadRequest', input.error.message);
      const { serviceRequest, replayed } = book.create(input.data, requestId);
      if (!replayed) vendorScript.caseOpened(serviceRequest);
      return sendJson(res, replayed ? 200 : 201, serviceRequest);
    }
    if (first === undefined) return problem(res, 405, 'MethodNotAllowed', `${req.method ?? ''} is not supported here.`);
    if (req.method === 'GET') {
      const found = book.find(first);
      return found ? sendJson(res, 200, found) : problem(res, 404, 'NotFound', `No service request ${first}.`);
    }
    if (req.method === 'PATCH') {
      const patch = ServiceRequestPatchSchema.safeParse(parseJsonBody(body));
      if (!patch.success) return problem(res, 400, 'BadRequest', patch.error.message);
      const updated = book.addNote(first, patch.data.newNote, requestId);
      return updated ? sendJson(res, 200, updated) : problem(res, 404, 'NotFound', `No service request ${first}.`);
    }
    problem(res, 405, 'MethodNotAllowed', `${req.method ?? ''} is not supported here.`);
  };

  const handleScript = (req: IncomingMessage, res: ServerResponse, action: string, body: Buffer): void => {
    const json = parseJsonBody(body);
    const unknownCase = (caseId: string): void => problem(res, 404, 'NotFound', `No service request ${caseId}.`);
    if (req.method === 'GET' && action === 'cases') return sendJson(res, 200, book.all());
    if (req.method === 'GET' && action === 'callbacks') return sendJson(res, 200, callbacks.deliveries());
    if (req.method !== 'POST') return problem(res, 405, 'MethodNotAllowed', 'Script actions are POSTs.');
    const invalid = (error: z.ZodError): void => problem(res, 400, 'BadRequest', error.message);
    switch (action) {
      case 'answer-after': {
        const parsed = AnswerAfterSchema.safeParse(json);
        if (!parsed.success) return invalid(parsed.error);
        script.answerAfter(parsed.data.matcher, parsed.data.ms, parsed.data.note);
        return sendJson(res, 200, { scheduled: true });
      }
      case 'fail-next': {
        const parsed = FailNextSchema.safeParse(json);
        if (!parsed.success) return invalid(parsed.error);
        script.failNext(parsed.data.count, parsed.data.status, parsed.data.retryAfterSeconds);
        return sendJson(res, 200, failures);
      }
      case 'declare-scope': {
        const parsed = DeclareScopeSchema.safeParse(json);
        if (!parsed.success) return invalid(parsed.error);
        const updated = script.declareScope(parsed.data.caseId, parsed.data.scope);
        return updated ? sendJson(res, 200, updated) : unknownCase(parsed.data.caseId);
      }
      case 'resolve': {
        const parsed = ResolveSchema.safeParse(json);
        if (!parsed.success) return invalid(parsed.error);
        const updated = script.resolve(parsed.data.caseId, parsed.data.note);
        return updated ? sendJson(res, 200, updated) : unknownCase(parsed.data.caseId);
      }
      case 'callback': {
        const parsed = CallbackSchema.safeParse(json);
        if (!parsed.success) return invalid(parsed.error);
        target = parsed.data;
        return sendJson(res, 200, { url: parsed.data.url });
      }
      default:
        return problem(res, 404, 'NotFound', `No script action ${action}.`);
    }
  };

  const server = createServer((req, res) => {
    readBody(req)
      .then((body) => {
        const segments = new URL(req.url ?? '/', 'http://vendor.local').pathname.split('/').filter((part) => part !== '');
        if (segments[0] === 'v1' && segments[1] === 'servicerequests') {
          return handleApi(req, res, segments.slice(2).map(decodeURIComponent), body);
        }
        if (segments[0] === '_script' && segments[1] !== undefined && segments.length === 2) {
          return handleScript(req, res, segments[1], body);
        }
        problem(res, 404, 'NotFound', `No route for ${req.method ?? ''} ${req.url ?? ''}.`);
      })
      .catch((error: unknown) => {
        onError(error);
        if (!res.headersSent) problem(res, 500, 'InternalServerError', 'The stand-in failed.');
        else res.end();
      });
  });
  const port = await listenOnLoopback(server, options.port ?? DEFAULT_VENDOR_STANDIN_PORT);

  return {
    baseUrl: `http://${LOOPBACK}:${port}`,
    apiKey,
    port,
    script,
    cases: () => book.all(),
    configureCallback(next) {
      target = next;
    },
    callbackDeliveries: () => callbacks.deliveries(),
    async settled() {
      await callbacks.settled();
      await book.flush();
    },
    async stop() {
      vendorScript.stop();
      callbacks.stop();
      await closeServer(server);
      await callbacks.settled();
      await book.flush();
    },
  };
}
