/**
 * The offline Azure Communication Services Email: speaks the REST protocol the real `EmailClient`
 * uses (signed `POST /emails:send`, `GET /emails/operations/{id}`), keeps every accepted message
 * in a durable mailbox, and lets tests inject failures, in process or over `POST /_control/...`.
 *
 * HTTP surface besides the ACS protocol (local only, no auth):
 *   GET  /                          mailbox page, newest first
 *   GET  /messages[?to=ADDRESS]     stored messages as JSON, oldest first
 *   DELETE /messages                empties the mailbox
 *   POST /_control/fail-next        {"count": n, "status"?: 503|500|429} fail the next n sends
 *   POST /_control/failing          {"failing": true|false} fail every send until told otherwise
 *   GET  /_control/state            {"failNext", "failing", "failureStatus", "messages"}
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { SendEmailRequestSchema, type SendEmailRequest, type StoredEmail } from './email-schemas';
import { verifyAcsSignature } from './email-signature';
import { openEmailStore, type EmailStore } from './email-store';
import { closeServer, listenOnLoopback, LOOPBACK, parseJsonBody, readBody, sendJson } from './http-server';
import { MAILBOX_CONTENT_SECURITY_POLICY, renderMailboxPage } from './mailbox-page';
import { realTimeClock, type StandInClock } from './standin-clock';

/** The port `npm start` uses (the mailbox page is at http://127.0.0.1:8025/). */
export const DEFAULT_EMAIL_STANDIN_PORT = 8025;

/** The access key the stand-in accepts unless told otherwise: fixed so local settings stay stable. Not a secret. */
export const EMAIL_STANDIN_ACCESS_KEY = createHash('sha256').update('baton local email stand-in').digest('base64');

export type InjectedFailureStatus = 429 | 500 | 503;

export interface EmailStandInOptions {
  /** 0 picks a free port (tests); default {@link DEFAULT_EMAIL_STANDIN_PORT}. */
  readonly port?: number;
  /** Directory for one JSON file per message; without it, messages live in memory only. */
  readonly dataDir?: string;
  /** Base64 access key requests must be signed with; default {@link EMAIL_STANDIN_ACCESS_KEY}. */
  readonly accessKey?: string;
  /**
   * Time for the stored messages' `storedAt`: real time by default; the stack passes its clock so a
   * mailbox on a virtual clock reads like one. Request signatures are still judged against real
   * time, because the email SDK signs with the system clock whatever the app's clock says.
   */
  readonly clock?: Pick<StandInClock, 'now'>;
}

export interface EmailStandIn {
  /** `http://127.0.0.1:PORT/` */
  readonly endpoint: string;
  /** `endpoint=http://127.0.0.1:PORT/;accesskey=KEY`, for `new EmailClient(cs, { allowInsecureConnection: true })`. */
  readonly connectionString: string;
  readonly port: number;
  /** Accepted messages, oldest first; `to` keeps those addressed to it (to, cc or bcc). */
  messages(filter?: { readonly to?: string }): StoredEmail[];
  clear(): Promise<void>;
  /** The next `count` sends fail with `status` (default 503), each attempt counting once. */
  failNext(count: number, status?: InjectedFailureStatus): void;
  /** While true, every send fails with 503. */
  setFailing(failing: boolean): void;
  stop(): Promise<void>;
}

// The SDK itself refuses non-UUID operation ids; refuse them here too so raw HTTP callers learn early.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const FailNextSchema = z.object({
  count: z.number().int().min(0),
  status: z.union([z.literal(429), z.literal(500), z.literal(503)]).optional(),
});
const FailingSchema = z.object({ failing: z.boolean() });

const ERROR_CODES: Readonly<Record<InjectedFailureStatus, string>> = {
  429: 'TooManyRequests',
  500: 'InternalServerError',
  503: 'ServiceUnavailable',
};

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { error: { code, message } }, { 'x-ms-error-code': code });
}

function toStoredEmail(operationId: string, message: SendEmailRequest, storedAt: number): Omit<StoredEmail, 'sequence'> {
  return {
    operationId,
    storedAt: new Date(storedAt).toISOString(),
    senderAddress: message.senderAddress,
    subject: message.content.subject,
    plainText: message.content.plainText,
    html: message.content.html,
    to: message.recipients.to ?? [],
    cc: message.recipients.cc ?? [],
    bcc: message.recipients.bcc ?? [],
    replyTo: message.replyTo ?? [],
    headers: message.headers ?? {},
    attachments: message.attachments ?? [],
  };
}

export async function startEmailStandIn(options: EmailStandInOptions = {}): Promise<EmailStandIn> {
  const accessKey = options.accessKey ?? EMAIL_STANDIN_ACCESS_KEY;
  const clock = options.clock ?? realTimeClock;
  const store: EmailStore = await openEmailStore(options.dataDir);
  let failNext = 0;
  let failureStatus: InjectedFailureStatus = 503;
  let failing = false;
  let endpoint = '';

  const takeInjectedFailure = (): InjectedFailureStatus | undefined => {
    if (failing) return 503;
    if (failNext === 0) return undefined;
    failNext -= 1;
    return failureStatus;
  };

  const handleSend = async (req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): Promise<void> => {
    const apiVersion = url.searchParams.get('api-version');
    if (!apiVersion) return sendError(res, 400, 'MissingApiVersionParameter', 'The api-version query parameter is required.');
    const failure = takeInjectedFailure();
    if (failure !== undefined) return sendError(res, failure, ERROR_CODES[failure], 'Injected failure (local stand-in).');
    const parsed = SendEmailRequestSchema.safeParse(parseJsonBody(body));
    if (!parsed.success) return sendError(res, 400, 'BadRequest', parsed.error.message);
    const requestedId = req.headers['operation-id'];
    if (requestedId !== undefined && (typeof requestedId !== 'string' || !UUID.test(requestedId))) {
      return sendError(res, 400, 'InvalidOperationId', 'Operation-Id must be a UUID.');
    }
    const operationId = requestedId ?? randomUUID();
    await store.add(toStoredEmail(operationId, parsed.data, clock.now()));
    const location = `${endpoint}emails/operations/${encodeURIComponent(operationId)}?api-version=${encodeURIComponent(apiVersion)}`;
    sendJson(res, 202, { id: operationId, status: 'Running' }, { 'operation-location': location });
  };

  const handleOperation = (res: ServerResponse, operationId: string): void => {
    if (!store.find(operationId)) return sendError(res, 404, 'NotFound', `No operation ${operationId}.`);
    sendJson(res, 200, { id: operationId, status: 'Succeeded' });
  };

  const handleControl = (res: ServerResponse, action: string, body: Buffer): void => {
    if (action === 'fail-next') {
      const parsed = FailNextSchema.safeParse(parseJsonBody(body));
      if (!parsed.success) return sendError(res, 400, 'BadRequest', parsed.error.message);
      failNext = parsed.data.count;
      failureStatus = parsed.data.status ?? 503;
    } else if (action === 'failing') {
      const parsed = FailingSchema.safeParse(parseJsonBody(body));
      if (!parsed.success) return sendError(res, 400, 'BadRequest', parsed.error.message);
      failing = parsed.data.failing;
    } else {
      return sendError(res, 404, 'NotFound', `No control action ${action}.`);
    }
    sendJson(res, 200, { failNext, failing, failureStatus });
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', endpoint);
    const body = await readBody(req);
    const method = req.method ?? 'GET';
    const operation = /^\/emails\/operations\/([^/]+)$/.exec(url.pathname);
    if (url.pathname === '/emails:send' || operation) {
      const signature = verifyAcsSignature(req, body, accessKey);
      if (!signature.valid) return sendError(res, 401, 'Denied', `Denied by the resource provider: ${signature.reason}.`);
      if (method === 'POST' && !operation) return handleSend(req, res, url, body);
      if (method === 'GET' && operation?.[1] !== undefined) return handleOperation(res, decodeURIComponent(operation[1]));
      return sendError(res, 405, 'MethodNotAllowed', `${method} is not supported here.`);
    }
    if (url.pathname === '/messages' && method === 'GET') {
      return sendJson(res, 200, store.list({ to: url.searchParams.get('to') ?? undefined }));
    }
    if (url.pathname === '/messages' && method === 'DELETE') {
      await store.clear();
      return sendJson(res, 200, { deleted: true });
    }
    const control = /^\/_control\/([a-z-]+)$/.exec(url.pathname);
    if (control?.[1] === 'state' && method === 'GET') {
      return sendJson(res, 200, { failNext, failing, failureStatus, messages: store.list().length });
    }
    if (control?.[1] !== undefined && method === 'POST') return handleControl(res, control[1], body);
    if (url.pathname === '/' && method === 'GET') {
      const page = renderMailboxPage(store.list());
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': MAILBOX_CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      });
      res.end(page);
      return;
    }
    sendError(res, 404, 'NotFound', `No route for ${method} ${url.pathname}.`);
  };

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, 'InternalServerError', error instanceof Error ? error.message : 'failure');
      else res.end();
    });
  });
  const port = await listenOnLoopback(server, options.port ?? DEFAULT_EMAIL_STANDIN_PORT);
  endpoint = `http://${LOOPBACK}:${port}/`;

  return {
    endpoint,
    connectionString: `endpoint=${endpoint};accesskey=${accessKey}`,
    port,
    messages: (filter) => store.list(filter),
    clear: () => store.clear(),
    failNext(count, status = 503) {
      failNext = count;
      failureStatus = status;
    },
    setFailing(value) {
      failing = value;
    },
    stop: () => closeServer(server),
  };
}
