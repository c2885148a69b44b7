/**
 * Runs the host as a child process (so a test can kill it hard and start it again) and waits for
 * it to report ready over IPC. The child's output is either passed through or kept (the last
 * lines) for a failing test to show.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { HostProcessMessage } from '../main';
import { hostNodeFlags } from '../node-flags';

export interface HostChildOptions {
  readonly appDirectory: string;
  readonly port: number;
  readonly stateDirectory: string;
  /** App settings, handed over as the child's environment (as local.settings.json would be). */
  readonly settings: Readonly<Record<string, string>>;
  /** Epoch ms to start a virtual clock at; omitted, the host runs on the real clock. */
  readonly virtualClockStart?: number;
  readonly logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** `inherit`: the child writes to this process's stdout/stderr; `collect`: kept for `output()`. */
  readonly output?: 'inherit' | 'collect';
  readonly startTimeoutMs?: number;
}

export interface HostChild {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** The last lines the child wrote (with `output: 'collect'`). */
  output(): string;
  /** SIGKILL: no clean-up at all, as a crash would be. */
  kill(): Promise<void>;
  /** SIGTERM and wait; SIGKILL if it does not exit in time. */
  stop(): Promise<void>;
}

const KEPT_OUTPUT_CHARACTERS = 64 * 1024;

/** The compiled host entry: beside this file when compiled, in dist/ when run from sources. */
export function hostMainPath(): string {
  const compiled = __dirname.split(path.sep).includes('dist');
  return compiled
    ? path.resolve(__dirname, '..', 'main.js')
    : path.resolve(__dirname, '..', '..', '..', '..', 'dist', 'infra', 'local', 'host', 'main.js');
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    timer.unref();
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startHostChild(options: HostChildOptions): Promise<HostChild> {
  const child = fork(hostMainPath(), [], {
    cwd: options.appDirectory,
    execArgv: hostNodeFlags(),
    env: {
      ...process.env,
      ...options.settings,
      LOCAL_HOST_APP_DIR: options.appDirectory,
      LOCAL_HOST_PORT: String(options.port),
      LOCAL_HOST_STATE_DIR: options.stateDirectory,
      LOCAL_HOST_LOG_LEVEL: options.logLevel ?? 'info',
      ...(options.virtualClockStart !== undefined ? { LOCAL_HOST_VIRTUAL_CLOCK: String(options.virtualClockStart) } : {}),
    },
    stdio: options.output === 'collect' ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-KEPT_OUTPUT_CHARACTERS);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const timeoutMs = options.startTimeoutMs ?? 30_000;
  const ready = await new Promise<Extract<HostProcessMessage, { type: 'host-ready' }>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The host did not report ready within ${timeoutMs} ms.\n${output}`)), timeoutMs);
    child.on('message', (message: HostProcessMessage) => {
      clearTimeout(timer);
      if (message.type === 'host-ready') resolve(message);
      else reject(new Error(`The host could not start: ${message.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The host exited (${signal ?? `code ${String(code)}`}) before it was ready.\n${output}`));
    });
  }).catch(async (error: unknown) => {
    child.kill('SIGKILL');
    await waitForExit(child, 5_000);
    throw error;
  });
  // Neither the IPC channel nor the pipes may keep the parent alive (jest must exit on its own).
  child.unref();
  child.channel?.unref();
  for (const stream of [child.stdout, child.stderr]) (stream as { unref?: () => void } | null)?.unref?.();

  const terminate = async (signal: NodeJS.Signals, graceMs: number): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    if (!(await waitForExit(child, graceMs))) {
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
    }
  };
  return {
    url: ready.url,
    port: ready.port,
    pid: child.pid ?? -1,
    output: () => output,
    kill: () => terminate('SIGKILL', 5_000),
    stop: () => terminate('SIGTERM', 10_000),
  };
}
