/**
 * The local Functions host: settings, clock, the app, its HTTP and timer triggers, the extensions
 * for every other trigger, and the admin API, started in order and stopped in reverse.
 */
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { HostClock } from '../clock/host-clock';
import { createRealClock } from '../clock/real-clock';
import { VirtualClock } from '../clock/virtual-clock';
import type { InvocationRecord } from '../clock/advance-report';
import { installAppClockGlobal } from '../clock/app-clock-global';
import type { ExtensionHost, HostExtension, RegisteredFunction } from './extension-contract';
import { startHostedApp, workerProcessCountOf, type HostedApp } from './hosted-app';
import { applyLocalSettings, customHeadersOf, EnvironmentChanges, readHostJson, readLocalSettings, routePrefixOf } from './app-settings';
import { createHostLogger, type HostLogger } from './host-log';
import { appEnvironments } from './native-runtime';
import { checkTriggersServed, inputBindingSources, usedExtensions, warnUnservedBindings } from './extension-wiring';
import { keyRingFromSettings } from './http/function-keys';
import { addCustomHeaders, answerClientError, answerFrameworkError, malformedRequestProblem, sendProblem, type CustomHeaders } from './http/host-answers';
import { admitRequestsAsAzureDoes, MAX_REQUEST_LINE_BYTES, NODE_MAX_HEADER_SIZE } from './http/request-admission';
import { HTTP_METHODS, registerHttpTriggers, type HttpFunctionRoute } from './http/http-triggers';
import { registerAdminRoutes, type AdminReport, type AdvanceRequest, type HostAdvanceResult } from './admin-routes';
import { registerExtensionWebhooks } from './http/extension-webhooks';
import { extensionWebhooks, type ExtensionWebhook } from './webhook-targets';
import { TimerTriggers } from './timer/timer-triggers';
import { createFileScheduleMonitor, createMemoryScheduleMonitor } from './timer/schedule-monitor';
import type { HostInvoker } from './function-invoker';
import { errorText } from './error-text';

export type HostClockOption = { readonly mode: 'real' } | { readonly mode: 'virtual'; readonly startAt: number };

export interface FunctionHostOptions {
  /** The app folder: package.json (`main`), host.json, local.settings.json. */
  readonly appDirectory: string;
  /** Default `<appDirectory>/local.settings.json`; a missing file means no settings. */
  readonly settingsFile?: string;
  /** App settings that win over local.settings.json and the environment. */
  readonly settings?: Readonly<Record<string, string>>;
  /** 0 picks a free port. Default: local.settings.json `Host.LocalHttpPort`, else 7071. */
  readonly port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  readonly listenHost?: string;
  readonly clock?: HostClockOption;
  /** Where timer schedule statuses survive restarts; without one they live in memory. */
  readonly stateDirectory?: string;
  readonly extensions?: readonly HostExtension[];
  /** Read-only reports served as `GET /admin/<name>` (e.g. `metrics`), computed from the app's settings. */
  readonly adminReports?: Readonly<Record<string, AdminReport>>;
  readonly logger?: HostLogger;
}

export interface RunningFunctionHost {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  readonly routePrefix: string;
  readonly functions: readonly RegisteredFunction[];
  readonly invoker: HostInvoker;
  readonly clock: HostClock;
  /** Advances a virtual clock, stepping through every scheduled instant and settling after each. */
  advanceClock(request: AdvanceRequest): Promise<HostAdvanceResult>;
  /** Resolves once no invocation is in flight and every extension is idle. */
  whenIdle(): Promise<void>;
  stop(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`Port ${port} is already in use: stop whatever listens there, or choose another port.`);
    this.name = 'PortInUseError';
  }
}

const DEFAULT_PORT = 7071;
const BODY_LIMIT_BYTES = 100 * 1024 * 1024;

function createClock(option: HostClockOption | undefined, logger: HostLogger): HostClock {
  if (option?.mode !== 'virtual') return createRealClock();
  return new VirtualClock(option.startAt, (error) => logger.log('error', `A scheduled call failed: ${errorText(error)}`));
}

function createServer(customHeaders: CustomHeaders): FastifyInstance {
  const server = Fastify({
    frameworkErrors: answerFrameworkError(customHeaders),
    clientErrorHandler: answerClientError(customHeaders),
    bodyLimit: BODY_LIMIT_BYTES,
    exposeHeadRoutes: false,
    // At stop, idle keep-alive sockets close at once while requests in flight may finish.
    forceCloseConnections: 'idle',
    // Only Kestrel's request-line limit bounds a route value (see request-admission.ts).
    routerOptions: {
      caseSensitive: false,
      ignoreTrailingSlash: true,
      ignoreDuplicateSlashes: true,
      maxParamLength: MAX_REQUEST_LINE_BYTES,
    },
    http: { maxHeaderSize: NODE_MAX_HEADER_SIZE },
  });
  addCustomHeaders(server, customHeaders);
  admitRequestsAsAzureDoes(server);
  // Functions get the body as raw bytes, whatever its type, as the host hands it to the worker.
  server.removeAllContentTypeParsers();
  server.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  server.setNotFoundHandler((_request, reply) => reply.code(404).send());
  server.setErrorHandler((error: { statusCode?: number }, _request, reply) => {
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 400) return sendProblem(reply, malformedRequestProblem('The request could not be read', 'The request is not valid HTTP.'), customHeaders);
    return reply.code(status).send();
  });
  return server;
}

/** Advances the virtual clock and lists every invocation started on the way, with the instant it began. */
async function advance(
  clock: VirtualClock,
  invoker: HostInvoker,
  request: AdvanceRequest,
  settle: () => Promise<void>,
): Promise<HostAdvanceResult> {
  const invocations: InvocationRecord[] = [];
  const stopListening = invoker.onInvocation(({ functionName, triggerType }) =>
    invocations.push({ at: new Date(clock.now()).toISOString(), function: functionName, trigger: triggerType }),
  );
  try {
    const result = await ('ms' in request ? clock.advanceBy(request.ms, settle) : clock.advanceTo(Date.parse(request.to), settle));
    return { ...result, invocations };
  } finally {
    stopListening();
  }
}

async function listen(server: FastifyInstance, port: number, host: string): Promise<number> {
  try {
    await server.listen({ port, host });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new PortInUseError(port);
    throw error;
  }
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('The HTTP server has no TCP address.');
  return address.port;
}

export async function startFunctionHost(options: FunctionHostOptions): Promise<RunningFunctionHost> {
  const logger = options.logger ?? createHostLogger();
  const appDirectory = path.resolve(options.appDirectory);
  const localSettings = readLocalSettings(options.settingsFile ?? path.join(appDirectory, 'local.settings.json'));
  const environment = new EnvironmentChanges(appEnvironments());
  const settings = applyLocalSettings(localSettings, environment, options.settings);
  const hostJson = readHostJson(appDirectory);
  const routePrefix = routePrefixOf(hostJson);
  const keys = keyRingFromSettings(settings);
  const extensions = options.extensions ?? [];

  const clock = createClock(options.clock, logger);
  const uninstallClock = clock.virtual ? installAppClockGlobal(clock) : () => undefined;
  let app: HostedApp | undefined;
  let server: FastifyInstance | undefined;
  const started: HostExtension[] = [];
  let timers: TimerTriggers | undefined;
  let webhooks: ReadonlyMap<string, ExtensionWebhook> = new Map();
  let ready = false;
  let markReady: () => void = () => undefined;
  const readyGate = new Promise<void>((resolve) => (markReady = resolve));

  const whenIdle = async (): Promise<void> => {
    // Extensions and invocations feed each other (an orchestrator calls an activity...): loop until both are quiet.
    for (;;) {
      await app?.activity.whenIdle();
      await Promise.all(started.map((extension) => extension.whenIdle()));
      if ((app?.activity.inFlight ?? 0) === 0) return;
    }
  };

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => (stopping ??= stopEverything());
  const stopEverything = async (): Promise<void> => {
    timers?.stop();
    await server?.close();
    await app?.activity.whenIdle();
    for (const extension of [...started].reverse()) {
      try {
        await extension.stop();
      } catch (error) {
        logger.log('error', `Extension ${extension.name} failed to stop: ${errorText(error)}`);
      }
    }
    await app?.terminate();
    uninstallClock();
    environment.restore();
  };

  try {
    const loaded = await startHostedApp({ appDirectory, workerProcessCount: workerProcessCountOf(settings), clock, logger });
    app = loaded;
    checkTriggersServed(loaded.functions, extensions);
    const used = usedExtensions(loaded.functions, extensions);
    const sources = inputBindingSources(used);
    loaded.invoker.setInputBindingSources(sources);
    warnUnservedBindings(loaded.functions, sources, logger);
    timers = new TimerTriggers({
      functions: loaded.functions,
      clock,
      invoker: loaded.invoker,
      activity: loaded.activity,
      monitor: options.stateDirectory
        ? createFileScheduleMonitor(path.join(options.stateDirectory, 'timers'))
        : createMemoryScheduleMonitor(),
      settings,
      logger,
    });
    const timerTriggers = timers;
    server = createServer(customHeadersOf(hostJson));
    const httpRoutes: HttpFunctionRoute[] = registerHttpTriggers(server, {
      functions: loaded.functions,
      routePrefix,
      invoker: loaded.invoker,
      activity: loaded.activity,
      keys,
      logger,
      ready: readyGate,
    });
    if (!httpRoutes.some((route) => route.route.routerPaths.includes('/'))) {
      // Like the Functions host, the root answers that the app is up when no function claims it.
      server.route({ method: [...HTTP_METHODS], url: '/', handler: (_request, reply) => reply.code(200).send() });
    }
    registerExtensionWebhooks(server, { keys, webhooks: () => webhooks, ready: readyGate, activity: loaded.activity, logger });
    const invocationCounts: Record<string, number> = {};
    loaded.invoker.onInvocation(({ functionName }) => {
      invocationCounts[functionName] = (invocationCounts[functionName] ?? 0) + 1;
    });
    registerAdminRoutes(server, {
      clock,
      invocationCounts: () => invocationCounts,
      workers: () => loaded.workers(),
      nextScheduledAt: () => (clock instanceof VirtualClock ? clock.nextScheduledAt() : undefined),
      keys,
      isReady: () => ready,
      functions: () => loaded.functions,
      httpRoutes: () => httpRoutes,
      timers: () => timerTriggers.timers,
      invokeByHand: async (name, input) => {
        const fn = loaded.functions.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
        if (!fn) return 'not-found';
        if (fn.triggerType.toLowerCase() === 'httptrigger') return 'http-function';
        if (timerTriggers.has(fn.name)) await timerTriggers.invokeByHand(fn.name);
        else await loaded.invoker.invoke(fn.name, { triggerValue: input });
        return 'invoked';
      },
      advanceClock: (request) => (clock instanceof VirtualClock ? advance(clock, loaded.invoker, request, whenIdle) : undefined),
      reports: options.adminReports ?? {},
      settings,
    });
    const requestedPort = options.port ?? localSettings.Host?.LocalHttpPort ?? DEFAULT_PORT;
    const port = await listen(server, requestedPort, options.listenHost ?? '127.0.0.1');
    // durable-functions builds its client URLs from this, as it does under Core Tools.
    environment.set('WEBSITE_HOSTNAME', `127.0.0.1:${port}`);
    settings.WEBSITE_HOSTNAME = `127.0.0.1:${port}`;
    loaded.setEnvironment({ WEBSITE_HOSTNAME: `127.0.0.1:${port}` });

    const extensionHost: ExtensionHost = {
      functions: loaded.functions,
      invoker: loaded.invoker,
      clock,
      settings,
      hostJson,
      log: (level, message, fields) => logger.log(level, message, fields),
    };
    for (const extension of used) {
      const extensionLogger = logger.withSource(extension.name);
      await extension.start({ ...extensionHost, log: (level, message, fields) => extensionLogger.log(level, message, fields) });
      started.push(extension);
    }
    webhooks = extensionWebhooks(started, loaded.functions, `http://127.0.0.1:${port}`, logger);
    timerTriggers.start();
    ready = true;
    markReady();
    const clockNote = clock.virtual ? ` (virtual clock at ${new Date(clock.now()).toISOString()})` : '';
    logger.log('info', `Host ready on http://127.0.0.1:${port} with ${loaded.functions.length} functions${clockNote}.`);

    return {
      url: `http://127.0.0.1:${port}`,
      port,
      routePrefix,
      functions: loaded.functions,
      invoker: loaded.invoker,
      clock,
      advanceClock: (request) =>
        clock instanceof VirtualClock
          ? advance(clock, loaded.invoker, request, whenIdle)
          : Promise.reject(new Error('The host runs on the real clock; it cannot be advanced.')),
      whenIdle,
      stop,
    };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
