/**
 * One worker process, seen from the host: forked on the compiled worker entry, started on the
 * app, sent invocations, clock readings and settings, and watched. When it exits unexpectedly
 * every invocation it was running fails at once (an HTTP caller gets a 500, Durable retries or
 * fails the activity), as when a Node worker dies under Azure's host: nothing waits forever.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { RegisteredFunction } from '../extension-contract';
import type { RpcInvocationResponse } from '../core-api-types';
import type { PreparedInvocation } from '../function-invoker';
import type { HostLogger } from '../host-log';
import { hostNodeFlags } from '../node-flags';
import { rebuildError, WorkerToHostSchema, type HostToWorker, type WorkerToHost } from './worker-messages';

export interface WorkerProcessOptions {
  readonly appDirectory: string;
  /** The environment the worker starts with (the host's, app settings applied). */
  readonly environment: NodeJS.ProcessEnv;
  /** The virtual clock's reading when the worker starts; null on the real clock. */
  readonly clockMs: number | null;
  readonly logger: HostLogger;
  readonly startTimeoutMs?: number;
}

export interface WorkerStatus {
  readonly pid: number;
  readonly state: 'running' | 'starting' | 'in-process';
  /** Invocations running in it now. */
  readonly inFlight: number;
  /** Invocations it was sent since it started. */
  readonly invocations: number;
}

/** A worker slot in the admin status: its current process, and how often the slot's process was replaced. */
export interface WorkerSlotStatus extends WorkerStatus {
  readonly restarts: number;
}

interface PendingInvocation {
  readonly functionName: string;
  readonly resolve: (response: RpcInvocationResponse) => void;
  readonly reject: (error: Error) => void;
}

/** An invocation that ended because its worker process died, not because the function failed. */
export class WorkerProcessExitedError extends Error {
  /** The function did not fail: an extension runs the work again (see `isAbandonedInvocation`). */
  readonly abandoned = true;

  constructor(pid: number, description: string, functionName: string) {
    super(`The worker process ${pid} exited (${description}) while "${functionName}" ran.`);
    this.name = 'WorkerProcessExitedError';
  }
}

/** The compiled worker entry: beside this file when compiled, in dist/ when run from sources. */
export function workerMainPath(): string {
  const compiled = __dirname.split(path.sep).includes('dist');
  return compiled
    ? path.join(__dirname, 'worker-main.js')
    : path.resolve(__dirname, '..', '..', '..', '..', 'dist', 'infra', 'local', 'host', 'worker', 'worker-main.js');
}

export class WorkerProcess {
  readonly #child: ChildProcess;
  readonly #pending = new Map<number, PendingInvocation>();
  readonly #exitListeners: Array<(description: string) => void> = [];
  #nextId = 1;
  #invocations = 0;
  #exited: string | undefined;
  #stopping = false;

  private constructor(child: ChildProcess, private readonly logger: HostLogger) {
    this.#child = child;
    child.on('message', (raw: unknown) => this.#receive(raw));
    child.once('exit', (code, signal) => this.#onExit(signal ? `signal ${signal}` : `code ${String(code)}`));
  }

  /** Forks a worker and resolves with it and the functions the app registered once it has loaded the app. */
  static async start(options: WorkerProcessOptions): Promise<{ worker: WorkerProcess; functions: RegisteredFunction[] }> {
    const child = fork(workerMainPath(), [], {
      cwd: options.appDirectory,
      env: options.environment,
      execArgv: hostNodeFlags(options.environment),
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    // The host decides when its workers stop; they must not keep a test runner or a stopping host alive.
    child.unref();
    child.channel?.unref();
    const worker = new WorkerProcess(child, options.logger);
    const timeoutMs = options.startTimeoutMs ?? 60_000;
    const functions = await new Promise<RegisteredFunction[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The worker process did not load the app within ${timeoutMs} ms.`)), timeoutMs);
      worker.#onLoaded = (outcome) => {
        clearTimeout(timer);
        if (outcome.type === 'loaded') resolve(outcome.functions);
        else reject(new Error(`The worker process could not load the app: ${outcome.message}`));
      };
      worker.onExit((description) => {
        clearTimeout(timer);
        reject(new Error(`The worker process exited (${description}) before it loaded the app.`));
      });
      worker.#send({ type: 'start', appDirectory: options.appDirectory, clockMs: options.clockMs });
    }).catch(async (error: unknown) => {
      await worker.stop(0);
      throw error;
    });
    return { worker, functions };
  }

  #onLoaded: (outcome: Extract<WorkerToHost, { type: 'loaded' | 'load-failed' }>) => void = () => undefined;

  get pid(): number {
    return this.#child.pid ?? -1;
  }

  get inFlight(): number {
    return this.#pending.size;
  }

  get alive(): boolean {
    return this.#exited === undefined;
  }

  status(): WorkerStatus {
    return { pid: this.pid, state: 'running', inFlight: this.inFlight, invocations: this.#invocations };
  }

  /** Called once when the process exits, with how it ended (at once if it already has). */
  onExit(listener: (description: string) => void): void {
    if (this.#exited !== undefined) listener(this.#exited);
    else this.#exitListeners.push(listener);
  }

  get stopping(): boolean {
    return this.#stopping;
  }

  invoke(functionName: string, prepared: PreparedInvocation): Promise<RpcInvocationResponse> {
    if (this.#exited !== undefined) return Promise.reject(new Error(`The worker process ${this.pid} has exited (${this.#exited}).`));
    const id = this.#nextId++;
    this.#invocations += 1;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { functionName, resolve, reject });
      this.#send({ type: 'invoke', id, functionName, ...prepared });
    });
  }

  setClock(nowMs: number): void {
    this.#send({ type: 'clock', nowMs });
  }

  setEnvironment(values: Record<string, string>): void {
    this.#send({ type: 'environment', values });
  }

  /** Asks the worker to run its appTerminate hooks and exit; kills it after `graceMs`. */
  async stop(graceMs: number): Promise<void> {
    this.#stopping = true;
    if (this.#exited !== undefined) return;
    const exited = new Promise<void>((resolve) => this.onExit(() => resolve()));
    if (graceMs > 0) this.#send({ type: 'terminate' });
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), graceMs);
    if (graceMs <= 0) this.#child.kill('SIGKILL');
    await exited;
    clearTimeout(timer);
  }

  #send(message: HostToWorker): void {
    if (this.#exited !== undefined || !this.#child.connected) return;
    this.#child.send(message);
  }

  #receive(raw: unknown): void {
    const parsed = WorkerToHostSchema.safeParse(raw);
    if (!parsed.success) {
      this.logger.log('error', `Worker ${this.pid} sent a message the host cannot read: ${parsed.error.message}`);
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'loaded':
      case 'load-failed':
        this.#onLoaded(message);
        return;
      case 'log':
        this.logger.withSource(message.source).log(message.level, message.message, message.fields);
        return;
      case 'result':
        this.#settle(message.id)?.resolve(message.response);
        return;
      case 'failure':
        this.#settle(message.id)?.reject(rebuildError(message.error));
        return;
    }
  }

  #settle(id: number): PendingInvocation | undefined {
    const pending = this.#pending.get(id);
    this.#pending.delete(id);
    return pending;
  }

  #onExit(description: string): void {
    this.#exited = description;
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const invocation of pending) {
      invocation.reject(new WorkerProcessExitedError(this.pid, description, invocation.functionName));
    }
    const listeners = this.#exitListeners.splice(0);
    for (const listener of listeners) listener(description);
  }
}
