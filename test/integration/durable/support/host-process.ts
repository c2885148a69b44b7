/**
 * Spawns and kills `durable-host-process` (compiled) for crash tests: a host that can die with
 * SIGKILL at any moment while Azurite, owned by the test, keeps the task hub.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { z } from 'zod';
import { REPOSITORY_ROOT } from './compiled-output';

const ENTRY = path.join(REPOSITORY_ROOT, 'dist', 'test', 'integration', 'durable', 'support', 'durable-host-process.js');
const ReadySchema = z.object({ url: z.string(), rpcBaseUrl: z.string() });

export interface HostProcess {
  readonly url: string;
  readonly rpcBaseUrl: string;
  readonly output: () => string;
  api(route: string, init?: RequestInit): Promise<Response>;
  rpc(route: string, init?: RequestInit): Promise<Response>;
  /** Advances the virtual clock and waits until what it caused has settled. */
  advance(ms: number): Promise<number>;
  clock(): Promise<number>;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function spawnHost(environment: {
  storage: string;
  hub: string;
  journal: string;
  startAt: number;
}): Promise<HostProcess> {
  const child = spawn(process.execPath, [ENTRY], {
    cwd: REPOSITORY_ROOT,
    env: {
      ...process.env,
      CRASH_TEST_STORAGE: environment.storage,
      CRASH_TEST_HUB: environment.hub,
      CRASH_TEST_JOURNAL: environment.journal,
      CRASH_TEST_START_AT: String(environment.startAt),
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const ready = await new Promise<z.infer<typeof ReadySchema>>((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n')[0];
      if (buffered.includes('\n') && line) resolve(ReadySchema.parse(JSON.parse(line)));
    });
    child.once('exit', (code) => reject(new Error(`host exited (${String(code)}) before it was ready:\n${output}`)));
  });
  const clockReading = async (response: Response): Promise<number> =>
    z.object({ nowMs: z.number() }).parse(await response.json()).nowMs;
  return {
    ...ready,
    output: () => output,
    api: (route, init) => fetch(`${ready.url}/api/${route}`, init),
    rpc: (route, init) => fetch(new URL(route, ready.rpcBaseUrl), init),
    advance: async (ms) =>
      clockReading(
        await fetch(`${ready.url}/admin/clock/advance`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ms }),
        }),
      ),
    clock: async () => clockReading(await fetch(`${ready.url}/admin/clock`)),
    kill: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited(child);
    },
  };
}
