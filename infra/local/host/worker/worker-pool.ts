/**
 * The app in several worker processes, as Azure's host runs `FUNCTIONS_WORKER_PROCESS_COUNT` Node
 * workers: each loads the app (its own appStart hooks, its own module state), and the host sends
 * each invocation — HTTP, timer, activity, orchestrator replay, entity batch — to the worker with
 * the fewest invocations in flight (ties in turn), having resolved its bindings itself. A worker
 * that dies fails what it was running and is replaced; until one is back, invocations wait for
 * the first worker ready.
 */
import { randomUUID } from 'node:crypto';
import type { RegisteredFunction, TriggerInvocation } from '../extension-contract';
import type { RpcInvocationResponse } from '../core-api-types';
import {
  FunctionNotFoundError,
  inputDataOf,
  triggerMetadataOf,
  type HostInvoker,
  type InputBindingSource,
  type InvocationListener,
  type RpcInvocation,
} from '../function-invoker';
import type { ActivityTracker } from '../activity-tracker';
import type { HostLogger } from '../host-log';
import { fromTypedData, toTypedData } from '../typed-data';
import { errorText } from '../error-text';
import { WorkerProcess, type WorkerSlotStatus } from './worker-process';

export interface WorkerPoolOptions {
  readonly count: number;
  readonly appDirectory: string;
  readonly logger: HostLogger;
  readonly activity: ActivityTracker;
  /** The virtual clock's reading for a worker starting now; null on the real clock. */
  readonly clockMs: () => number | null;
  /** The environment for a worker starting now (the host's, app settings applied). */
  readonly environment: () => NodeJS.ProcessEnv;
}

/** Wait before starting a worker again after a start failed, so a broken app does not spin. */
const RESTART_DELAY_MS = 1_000;
const STOP_GRACE_MS = 10_000;

interface Slot {
  worker: WorkerProcess | undefined;
  /** Workers started in this slot after the first. */
  restarts: number;
}

export class WorkerPool implements HostInvoker {
  readonly #slots: Slot[];
  /** Every live process, started or starting: clock and settings reach all of them. */
  readonly #processes = new Set<WorkerProcess>();
  readonly #byName: ReadonlyMap<string, RegisteredFunction>;
  readonly #listeners = new Set<InvocationListener>();
  #inputBindingSources: ReadonlyMap<string, InputBindingSource> = new Map();
  #readyWaiters: Array<() => void> = [];
  #cursor = 0;
  #stopping = false;

  private constructor(
    private readonly options: WorkerPoolOptions,
    readonly functions: readonly RegisteredFunction[],
    workers: readonly WorkerProcess[],
  ) {
    this.#byName = new Map(functions.map((fn) => [fn.name.toLowerCase(), fn]));
    this.#slots = workers.map(() => ({ worker: undefined, restarts: 0 }));
    workers.forEach((worker, index) => this.#place(this.#slots[index] as Slot, worker));
  }

  /** Starts `count` workers on the app and resolves once every one has loaded it. */
  static async start(options: WorkerPoolOptions): Promise<WorkerPool> {
    const attempts = await Promise.allSettled(
      Array.from({ length: options.count }, () =>
        WorkerProcess.start({ appDirectory: options.appDirectory, environment: options.environment(), clockMs: options.clockMs(), logger: options.logger }),
      ),
    );
    const started = attempts.flatMap((attempt) => (attempt.status === 'fulfilled' ? [attempt.value] : []));
    const failed = attempts.find((attempt): attempt is PromiseRejectedResult => attempt.status === 'rejected');
    const first = started[0];
    if (failed || !first) {
      await Promise.all(started.map(({ worker }) => worker.stop(0)));
      throw failed?.reason ?? new Error('No worker process started.');
    }
    options.logger.log('info', `Running the app in ${started.length} worker processes (pids ${started.map(({ worker }) => worker.pid).join(', ')}).`);
    return new WorkerPool(options, first.functions, started.map(({ worker }) => worker));
  }

  onInvocation(listener: InvocationListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  setInputBindingSources(sources: ReadonlyMap<string, InputBindingSource>): void {
    this.#inputBindingSources = sources;
  }

  async invoke(functionName: string, invocation: TriggerInvocation): Promise<unknown> {
    const response = await this.invokeRpc(functionName, {
      triggerData: toTypedData(invocation.triggerValue),
      triggerMetadata: triggerMetadataOf(invocation),
    });
    return fromTypedData(response.returnValue);
  }

  invokeRpc(functionName: string, invocation: RpcInvocation): Promise<RpcInvocationResponse> {
    const fn = this.#byName.get(functionName.toLowerCase());
    if (!fn) return Promise.reject(new FunctionNotFoundError(functionName));
    for (const listener of this.#listeners) listener({ functionName: fn.name, triggerType: fn.triggerType });
    const prepared = {
      invocationId: randomUUID(),
      inputData: inputDataOf(fn, invocation, this.#inputBindingSources),
      triggerMetadata: invocation.triggerMetadata ?? {},
    };
    return this.options.activity.track(async () => (await this.#nextWorker()).invoke(fn.name, prepared));
  }

  /** Forwards the virtual clock's new reading to every worker, before anything runs at it. */
  setClock(nowMs: number): void {
    for (const worker of this.#processes) worker.setClock(nowMs);
  }

  /** Settings learnt after the workers started (workers started later read them from their environment). */
  setEnvironment(values: Record<string, string>): void {
    for (const worker of this.#processes) worker.setEnvironment(values);
  }

  /** Each worker slot: its process, what it runs now, what it was sent, how often it was replaced. */
  status(): WorkerSlotStatus[] {
    return this.#slots.map((slot) => ({
      ...(slot.worker ? slot.worker.status() : { pid: -1, state: 'starting' as const, inFlight: 0, invocations: 0 }),
      restarts: slot.restarts,
    }));
  }

  /** Stops every worker (appTerminate hooks run in each); no process is left behind. */
  async terminate(): Promise<void> {
    this.#stopping = true;
    for (const wake of this.#readyWaiters.splice(0)) wake();
    await Promise.all([...this.#processes].map((worker) => worker.stop(STOP_GRACE_MS)));
  }

  async #nextWorker(): Promise<WorkerProcess> {
    for (;;) {
      const worker = this.#leastBusy();
      if (worker) return worker;
      if (this.#stopping) throw new Error('The host is stopping: no worker process is left to run the invocation.');
      await new Promise<void>((resolve) => this.#readyWaiters.push(resolve));
    }
  }

  #leastBusy(): WorkerProcess | undefined {
    let best: WorkerProcess | undefined;
    const count = this.#slots.length;
    for (let offset = 0; offset < count; offset += 1) {
      const worker = this.#slots[(this.#cursor + offset) % count]?.worker;
      if (worker?.alive && (!best || worker.inFlight < best.inFlight)) best = worker;
    }
    this.#cursor = (this.#cursor + 1) % count;
    return best;
  }

  #place(slot: Slot, worker: WorkerProcess): void {
    slot.worker = worker;
    this.#processes.add(worker);
    worker.onExit((description) => {
      this.#processes.delete(worker);
      if (slot.worker === worker) slot.worker = undefined;
      if (this.#stopping || worker.stopping) return;
      this.options.logger.log('error', `Worker process ${worker.pid} exited (${description}); starting another.`);
      void this.#replace(slot);
    });
    const waiters = this.#readyWaiters.splice(0);
    for (const wake of waiters) wake();
  }

  async #replace(slot: Slot): Promise<void> {
    while (!this.#stopping) {
      try {
        const { worker } = await WorkerProcess.start({
          appDirectory: this.options.appDirectory,
          environment: this.options.environment(),
          clockMs: this.options.clockMs(),
          logger: this.options.logger,
        });
        if (this.#stopping) {
          await worker.stop(0);
          return;
        }
        slot.restarts += 1;
        // The clock may have moved while it loaded the app.
        const clockMs = this.options.clockMs();
        if (clockMs !== null) worker.setClock(clockMs);
        this.#place(slot, worker);
        this.options.logger.log('info', `Worker process ${worker.pid} replaces the one that exited.`);
        return;
      } catch (error) {
        this.options.logger.log('error', `A worker process could not start: ${errorText(error)}`);
        await new Promise((resolve) => setTimeout(resolve, RESTART_DELAY_MS));
      }
    }
  }
}
