/**
 * A worker process, as Azure runs the Node worker beside its host: it loads the app exactly as
 * the host loads it in process (app-loader.ts: appStart hooks included), then runs each
 * invocation the host sends over IPC through the app's programming model, pre- and
 * postInvocation hooks included, and sends back the response or the handler's error. Its logs
 * go to the host's log. On a virtual clock the app reads the reading the host last forwarded.
 * It exits when the host tells it to, or when the IPC channel closes (the host died, even by
 * SIGKILL): a worker never outlives its host.
 */
import { loadFunctionApp, type LoadedFunctionApp } from '../app-loader';
import { createHostLogger } from '../host-log';
import { HOST_CLOCK_GLOBAL, type HostClockGlobal } from '../../clock/host-clock';
import { appGlobal } from '../native-runtime';
import { errorText } from '../error-text';
import { describeError, HostToWorkerSchema, type HostToWorker, type WorkerToHost } from './worker-messages';

let app: LoadedFunctionApp | undefined;
let clockMs: number | undefined;

function send(message: WorkerToHost): void {
  if (!process.send || !process.connected) return;
  try {
    process.send(message);
  } catch (error) {
    // A value the channel cannot carry (a function in log fields, say) must not stop the worker.
    if (message.type === 'result') send({ type: 'failure', id: message.id, error: describeError(error) });
    else process.stderr.write(`Worker ${process.pid} could not report to the host: ${errorText(error)}\n`);
  }
}

// The host filters by level; the worker forwards everything so the host's log listeners see it all.
const logger = createHostLogger({
  level: 'error',
  write: () => undefined,
  listener: (entry) => send({ type: 'log', ...entry }),
});

function followHostClock(nowMs: number): void {
  clockMs = nowMs;
  const global = appGlobal() as Record<symbol, unknown>;
  if (global[HOST_CLOCK_GLOBAL] === undefined) {
    const appClock: HostClockGlobal = { now: () => clockMs ?? Date.now() };
    global[HOST_CLOCK_GLOBAL] = appClock;
  }
}

async function start(appDirectory: string, startClockMs: number | null): Promise<void> {
  if (startClockMs !== null) followHostClock(startClockMs);
  try {
    app = await loadFunctionApp({ appDirectory, logger });
  } catch (error) {
    send({ type: 'load-failed', message: errorText(error, false) });
    return;
  }
  // Metadata crosses as JSON: whatever the library put there, the host sees what Azure's host would.
  const functions = app.functions.map((fn) => ({
    name: fn.name,
    triggerType: fn.triggerType,
    bindings: fn.bindings,
    metadata: JSON.parse(JSON.stringify(fn.metadata)) as Record<string, unknown>,
  }));
  send({ type: 'loaded', functions });
}

function invoke(message: Extract<HostToWorker, { type: 'invoke' }>): void {
  if (!app) {
    send({ type: 'failure', id: message.id, error: { name: 'Error', message: 'The worker has not loaded the app.' } });
    return;
  }
  app.invoker
    .runPrepared(message.functionName, {
      invocationId: message.invocationId,
      inputData: message.inputData,
      triggerMetadata: message.triggerMetadata,
    })
    .then(
      (response) => send({ type: 'result', id: message.id, response }),
      (error: unknown) => send({ type: 'failure', id: message.id, error: describeError(error) }),
    );
}

async function terminate(): Promise<void> {
  try {
    await app?.terminate();
  } catch (error) {
    logger.log('error', `An appTerminate hook failed: ${errorText(error)}`);
  }
  process.exit(0);
}

process.on('disconnect', () => process.exit(0));
process.on('message', (raw: unknown) => {
  const parsed = HostToWorkerSchema.safeParse(raw);
  if (!parsed.success) {
    logger.log('error', `The worker ignored a message it cannot read: ${parsed.error.message}`);
    return;
  }
  const message = parsed.data;
  switch (message.type) {
    case 'start':
      void start(message.appDirectory, message.clockMs);
      return;
    case 'clock':
      followHostClock(message.nowMs);
      return;
    case 'environment':
      Object.assign(process.env, message.values);
      return;
    case 'invoke':
      invoke(message);
      return;
    case 'terminate':
      void terminate();
      return;
  }
});
