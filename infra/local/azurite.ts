/**
 * Starts Azurite (blob, queue, table) as a child process for the local stack and the tests, and
 * hands back the connection string of the well-known development account.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import os from 'node:os';
import net from 'node:net';

export interface AzuriteOptions {
  /** A folder to persist into, or `'memory'` for in-memory persistence. */
  readonly location: string;
  /** Ports to listen on; 0 picks a free port. Defaults are Azurite's own (10000–10002). */
  readonly blobPort?: number;
  readonly queuePort?: number;
  readonly tablePort?: number;
  /** How long to wait for all three services to listen (default 30 s; the machine may be busy). */
  readonly startTimeoutMs?: number;
}

export interface RunningAzurite {
  readonly connectionString: string;
  readonly blobEndpoint: string;
  readonly queueEndpoint: string;
  readonly tableEndpoint: string;
  /** The child's process id (a crash test may want to know it). */
  readonly pid: number;
  stop(): Promise<void>;
}

/** Azurite's published development account; not a secret. */
export const DEVELOPMENT_ACCOUNT_NAME = 'devstoreaccount1';
export const DEVELOPMENT_ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

const AZURITE_ENTRY = path.resolve(__dirname, '..', '..', 'node_modules', 'azurite', 'dist', 'src', 'azurite.js');
const DIST_AZURITE_ENTRY = path.resolve(__dirname, '..', '..', '..', 'node_modules', 'azurite', 'dist', 'src', 'azurite.js');

/**
 * Runs inside the child before Azurite loads. Azurite only stops on SIGINT/SIGTERM or an IPC
 * "shutdown" message, so a parent killed with SIGKILL would leave it behind; the IPC channel closes
 * when the parent dies, and that is the signal to shut down (forcefully if closing hangs).
 */
const CHILD_PREAMBLE = `
const entry = process.env.BATON_AZURITE_ENTRY;
process.argv.splice(1, 0, entry);
process.on('disconnect', () => {
  setTimeout(() => process.exit(0), 3000).unref();
  process.emit('SIGTERM');
});
require(entry);
`;

const LISTENING_LINE = /Azurite (Blob|Queue|Table) service is successfully listening at (https?:\/\/\S+)/;

function azuriteEntry(): string {
  // Sources run from the repository root (ts-jest) or from dist/infra/local once compiled.
  return __dirname.split(path.sep).includes('dist') ? DIST_AZURITE_ENTRY : AZURITE_ENTRY;
}

function portArgument(name: string, port: number | undefined): string[] {
  return port === undefined ? [] : [`--${name}`, String(port)];
}

export function connectionStringFor(blob: string, queue: string, table: string): string {
  return [
    'DefaultEndpointsProtocol=http',
    `AccountName=${DEVELOPMENT_ACCOUNT_NAME}`,
    `AccountKey=${DEVELOPMENT_ACCOUNT_KEY}`,
    `BlobEndpoint=${blob}`,
    `QueueEndpoint=${queue}`,
    `TableEndpoint=${table}`,
  ].join(';') + ';';
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startAzurite(options: AzuriteOptions): Promise<RunningAzurite> {
  const inMemory = options.location === 'memory';
  const args = [
    '--silent',
    '--disableTelemetry',
    '--skipApiVersionCheck',
    '--loose',
    '--blobHost', '127.0.0.1',
    '--queueHost', '127.0.0.1',
    '--tableHost', '127.0.0.1',
    ...portArgument('blobPort', options.blobPort),
    ...portArgument('queuePort', options.queuePort),
    ...portArgument('tablePort', options.tablePort),
    ...(inMemory ? ['--inMemoryPersistence'] : ['--location', path.resolve(options.location)]),
  ];
  const child = spawn(process.execPath, ['-e', CHILD_PREAMBLE, '--', ...args], {
    // In memory, Azurite still treats the working folder as its workspace; keep it out of the repo.
    cwd: inMemory ? os.tmpdir() : path.resolve(options.location),
    env: { ...process.env, BATON_AZURITE_ENTRY: azuriteEntry() },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  // The IPC channel must not keep the parent's event loop alive (jest has to exit on its own).
  child.unref();
  child.channel?.unref();

  const endpoints = new Map<string, string>();
  let output = '';
  const listening = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Azurite did not start within ${options.startTimeoutMs ?? 30000} ms:\n${output}`)),
      options.startTimeoutMs ?? 30000,
    );
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      for (const line of output.split('\n')) {
        const match = LISTENING_LINE.exec(line);
        if (match?.[1] && match[2]) endpoints.set(match[1], match[2]);
      }
      if (endpoints.size === 3) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited with code ${String(code)} before listening:\n${output}`));
    });
  });
  try {
    await listening;
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  // Once listening, drop the output: Azurite logs its closing, and nothing reads it any more.
  child.stdout?.removeAllListeners('data');
  for (const stream of [child.stdout, child.stderr]) {
    stream?.resume();
    if (stream instanceof net.Socket) stream.unref();
  }
  const account = `/${DEVELOPMENT_ACCOUNT_NAME}`;
  const blobEndpoint = `${endpoints.get('Blob') ?? ''}${account}`;
  const queueEndpoint = `${endpoints.get('Queue') ?? ''}${account}`;
  const tableEndpoint = `${endpoints.get('Table') ?? ''}${account}`;

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child.connected) child.disconnect();
      else child.kill('SIGTERM');
      if (!(await waitForExit(child, 5000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5000);
      }
      child.stdout?.destroy();
      child.stderr?.destroy();
    })();
    return stopping;
  };

  return {
    connectionString: connectionStringFor(blobEndpoint, queueEndpoint, tableEndpoint),
    blobEndpoint,
    queueEndpoint,
    tableEndpoint,
    pid: child.pid ?? -1,
    stop,
  };
}
