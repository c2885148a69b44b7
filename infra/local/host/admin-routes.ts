/**
 * The host's admin API: host status and functions, invoking a non-HTTP function by hand (as Core
 * Tools' `POST /admin/functions/{name}`), and the clock (read it; advance a virtual one). When a
 * master key is configured, every admin call must present it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { HostClock } from '../clock/host-clock';
import type { AdvanceResult } from '../clock/virtual-clock';
import type { InvocationRecord } from '../clock/advance-report';
import type { RegisteredFunction } from './extension-contract';
import { isMasterKey, presentedKey, type KeyRing } from './http/function-keys';
import type { HttpFunctionRoute } from './http/http-triggers';
import type { TimerDescription } from './timer/timer-triggers';
import type { WorkerSlotStatus } from './worker/worker-process';

export const AdvanceRequestSchema = z.union([
  z.object({ ms: z.number().finite().nonnegative() }).strict(),
  z.object({ to: z.iso.datetime({ offset: true }) }).strict(),
]);

export type AdvanceRequest = z.infer<typeof AdvanceRequestSchema>;

/** A settled advance: the clock reading, how many scheduled calls fired, and the invocations they set off. */
export interface HostAdvanceResult extends AdvanceResult {
  readonly invocations: readonly InvocationRecord[];
}

const InvokeRequestSchema = z.looseObject({ input: z.unknown().optional() });

export interface AdminApi {
  readonly clock: HostClock;
  /** The earliest instant something waits for on a virtual clock (a driver steps there next). */
  nextScheduledAt(): number | undefined;
  readonly keys: KeyRing;
  isReady(): boolean;
  functions(): readonly RegisteredFunction[];
  /** Invocations started since the host started, per function (what a bench counts Durable work by). */
  invocationCounts(): Readonly<Record<string, number>>;
  /** The processes running the app: pid, state, invocations in flight and sent, restarts. */
  workers(): readonly WorkerSlotStatus[];
  httpRoutes(): readonly HttpFunctionRoute[];
  timers(): readonly TimerDescription[];
  /** Invokes a non-HTTP function by hand; resolves when the invocation has finished. */
  invokeByHand(functionName: string, input: unknown): Promise<'invoked' | 'not-found' | 'http-function'>;
  /** Advances a virtual clock; `undefined` when the clock is real. */
  advanceClock(request: AdvanceRequest): Promise<HostAdvanceResult> | undefined;
  /** Served as `GET /admin/<name>`. */
  readonly reports: Readonly<Record<string, AdminReport>>;
  /** The app settings the reports read (endpoints of the stack's services). */
  readonly settings: Readonly<Record<string, string | undefined>>;
}

/**
 * A read-only report of the host's stack, from the app settings and the host clock's reading.
 * A rejection is answered 503 with its message: the report's source is down, not the host.
 */
export type AdminReport = (settings: Readonly<Record<string, string | undefined>>, now: Date) => Promise<unknown>;

function clockReading(api: AdminApi): Record<string, unknown> {
  const now = api.clock.now();
  const next = api.nextScheduledAt();
  return {
    virtual: api.clock.virtual,
    now: new Date(now).toISOString(),
    nowMs: now,
    ...(api.clock.virtual ? { nextScheduledAt: next === undefined ? null : new Date(next).toISOString() } : {}),
  };
}

function functionSummary(api: AdminApi, fn: RegisteredFunction): Record<string, unknown> {
  const http = api.httpRoutes().find((route) => route.fn.name === fn.name);
  const timer = api.timers().find((candidate) => candidate.name === fn.name);
  return {
    name: fn.name,
    triggerType: fn.triggerType,
    ...(http
      ? { route: http.route.template, methods: http.methods ? [...http.methods] : 'any', authLevel: http.authLevel }
      : {}),
    ...(timer ? { schedule: timer.schedule, nextOccurrence: timer.next } : {}),
  };
}

export function registerAdminRoutes(server: FastifyInstance, api: AdminApi): void {
  const guard = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!api.keys.masterKey) return;
    const url = new URL(request.url, 'http://local');
    if (!isMasterKey(api.keys, presentedKey(request.headers['x-functions-key'], url))) {
      await reply.code(401).send();
    }
  };

  server.get('/admin/host/status', { onRequest: guard }, async () => ({
    state: api.isReady() ? 'Running' : 'Initializing',
    ready: api.isReady(),
    clock: clockReading(api),
    workers: api.workers(),
    functions: api.functions().map((fn) => ({ ...functionSummary(api, fn), invocations: api.invocationCounts()[fn.name] ?? 0 })),
  }));

  server.get('/admin/functions', { onRequest: guard }, async () =>
    api.functions().map((fn) => functionSummary(api, fn)),
  );

  server.post<{ Params: { name: string } }>('/admin/functions/:name', { onRequest: guard }, async (request, reply) => {
    const body = parseJsonBody(request.body);
    const parsed = InvokeRequestSchema.safeParse(body ?? {});
    if (!parsed.success) return reply.code(400).send({ error: 'Send {"input": ...} or no body.' });
    const outcome = await api.invokeByHand(request.params.name, parsed.data.input);
    if (outcome === 'not-found') return reply.code(404).send();
    if (outcome === 'http-function') {
      return reply.code(400).send({ error: 'HTTP functions are invoked through their own route.' });
    }
    return reply.code(202).send();
  });

  server.get('/admin/clock', { onRequest: guard }, async () => clockReading(api));

  for (const [name, report] of Object.entries(api.reports)) {
    server.get(`/admin/${name}`, { onRequest: guard }, async (_request, reply) => {
      try {
        return await report(api.settings, new Date(api.clock.now()));
      } catch (error) {
        return reply.code(503).send({ error: error instanceof Error ? error.message : String(error) });
      }
    });
  }

  server.post('/admin/clock/advance', { onRequest: guard }, async (request, reply) => {
    const parsed = AdvanceRequestSchema.safeParse(parseJsonBody(request.body));
    if (!parsed.success) {
      return reply.code(400).send({ error: 'Send {"ms": <non-negative number>} or {"to": "<ISO instant>"}.' });
    }
    const advancing = api.advanceClock(parsed.data);
    if (!advancing) return reply.code(409).send({ error: 'The host runs on the real clock; it cannot be advanced.' });
    const result = await advancing;
    return { ...clockReading(api), fired: result.fired, invocations: result.invocations };
  });
}

/** The admin API reads raw bodies (the host's parser hands functions bytes); JSON is expected. */
function parseJsonBody(body: unknown): unknown {
  if (!Buffer.isBuffer(body) || body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return null;
  }
}
