/**
 * The app as the host runs it: in `FUNCTIONS_WORKER_PROCESS_COUNT` worker processes (Azure's own
 * setting for the Node worker; default here: one per core), or, at 1, loaded in the host's own
 * process, which saves the IPC hop and lets a test embedding the host reach the app's realm.
 */
import os from 'node:os';
import { z } from 'zod';
import type { HostClock } from '../clock/host-clock';
import { VirtualClock } from '../clock/virtual-clock';
import type { RegisteredFunction } from './extension-contract';
import type { HostInvoker } from './function-invoker';
import { ActivityTracker } from './activity-tracker';
import type { HostLogger } from './host-log';
import { loadFunctionApp } from './app-loader';
import { appEnvironments } from './native-runtime';
import { WorkerPool } from './worker/worker-pool';
import type { WorkerSlotStatus } from './worker/worker-process';

export const WORKER_PROCESS_COUNT_SETTING = 'FUNCTIONS_WORKER_PROCESS_COUNT';

/** Azure accepts 1 to 10 worker processes. */
const WorkerProcessCountSchema = z.coerce.number().int().min(1).max(10);

export interface HostedApp {
  readonly functions: readonly RegisteredFunction[];
  readonly invoker: HostInvoker;
  /** Invocations in flight; `whenIdle` resolves when none are. */
  readonly activity: ActivityTracker;
  /** The processes running the app, for the admin status. */
  workers(): readonly WorkerSlotStatus[];
  /** Settings the host learnt after the app started (its own address). */
  setEnvironment(values: Record<string, string>): void;
  /** Runs appTerminate hooks (in every worker) and stops the workers. */
  terminate(): Promise<void>;
}

/** `FUNCTIONS_WORKER_PROCESS_COUNT` from the app settings; without it, one worker per core. */
export function workerProcessCountOf(settings: Readonly<Record<string, string | undefined>>): number {
  const text = settings[WORKER_PROCESS_COUNT_SETTING];
  if (text === undefined || text.trim() === '') return Math.min(os.availableParallelism(), 10);
  const parsed = WorkerProcessCountSchema.safeParse(text);
  if (!parsed.success) throw new Error(`${WORKER_PROCESS_COUNT_SETTING} must be a whole number from 1 to 10, not "${text}".`);
  return parsed.data;
}

export interface StartHostedAppOptions {
  readonly appDirectory: string;
  readonly workerProcessCount: number;
  readonly clock: HostClock;
  readonly logger: HostLogger;
}

/** The host's environment (app settings applied), merged from every realm that holds a copy. */
function hostEnvironment(): NodeJS.ProcessEnv {
  return Object.assign({}, ...appEnvironments()) as NodeJS.ProcessEnv;
}

export async function startHostedApp(options: StartHostedAppOptions): Promise<HostedApp> {
  if (options.workerProcessCount <= 1) {
    const loaded = await loadFunctionApp({ appDirectory: options.appDirectory, logger: options.logger });
    let invocations = 0;
    loaded.invoker.onInvocation(() => (invocations += 1));
    return {
      functions: loaded.functions,
      invoker: loaded.invoker,
      activity: loaded.activity,
      workers: () => [{ pid: process.pid, state: 'in-process', inFlight: loaded.activity.inFlight, invocations, restarts: 0 }],
      setEnvironment: () => undefined,
      terminate: () => loaded.terminate(),
    };
  }
  const { clock } = options;
  const virtualClock = clock instanceof VirtualClock ? clock : undefined;
  const activity = new ActivityTracker();
  const pool = await WorkerPool.start({
    count: options.workerProcessCount,
    appDirectory: options.appDirectory,
    logger: options.logger,
    activity,
    clockMs: () => (virtualClock ? virtualClock.now() : null),
    environment: hostEnvironment,
  });
  const stopFollowingClock = virtualClock ? virtualClock.onChange((now) => pool.setClock(now)) : () => undefined;
  return {
    functions: pool.functions,
    invoker: pool,
    activity,
    workers: () => pool.status(),
    setEnvironment: (values) => pool.setEnvironment(values),
    async terminate(): Promise<void> {
      stopFollowingClock();
      await pool.terminate();
    },
  };
}
