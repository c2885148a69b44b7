/**
 * The offline Cosmos DB: @vercel/cosmosdb-server in process over HTTPS with keep-alive, whose data
 * survives restarts through a JSON snapshot, and which can be switched into an outage on demand.
 *
 * Outage model: while unavailable, every request gets `503 ServiceUnavailable`, which is what a
 * regional or partition outage looks like to the SDK (it never sees refused connections from the
 * real gateway). The SDK (4.9) gives up on a 503 at once for writes and after one retry for reads,
 * so it surfaces within milliseconds as an `ErrorResponse` with `code === 503`.
 *
 * Client options the app should use (see `baton.cosmosConnectionPolicy` below):
 * - `requestTimeout: 5000` — the default 60 s would hold an intake request long past its own timeout.
 * - `retryOptions: { maxRetryAttemptCount: 3, maxWaitTimeInSeconds: 5 }` — 429 throttling retries
 *   stay short; the defaults (9 tries, 30 s) would turn throttling into an HTTP timeout.
 * - `enableEndpointDiscovery: false` for a single-region account and always locally: with discovery
 *   on, a failure to connect (`REQUEST_SEND_ERROR`, `ENOTFOUND`) is retried 120 times a second apart
 *   — two minutes — before the app hears of it. It also keeps the SDK on the stand-in's https URL.
 */
import { readFileSync } from 'node:fs';
import * as https from 'node:https';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CosmosClientOptions } from '@azure/cosmos';
import { CosmosAccount, handleCosmosRequest, isWriteRequest } from './cosmos-engine';
import { captureSnapshot, CosmosSnapshotSchema, restoreSnapshot, type CosmosSnapshot } from './cosmos-snapshot';
import { closeServer, listenOnLoopback, LOOPBACK } from './http-server';
import { readJsonFile, writeJsonAtomically } from './json-file';

/** The port `npm start` uses, the Cosmos emulator's well-known one. */
export const DEFAULT_COSMOS_STANDIN_PORT = 8081;

/**
 * The account key the stand-in hands out. The server does not check signatures, but the SDK needs a
 * base64 key to sign with; a fixed, derived value keeps local settings stable. Not a secret.
 */
export const COSMOS_STANDIN_KEY = createHash('sha512').update('baton local cosmos stand-in').digest('base64');

/** Connection policy for the app's Cosmos client (rationale in the module comment). */
export const cosmosConnectionPolicy = {
  enableEndpointDiscovery: false,
  requestTimeout: 5_000,
  retryOptions: { maxRetryAttemptCount: 3, maxWaitTimeInSeconds: 5 },
} as const;

export interface CosmosStandInOptions {
  /** 0 picks a free port (tests); default {@link DEFAULT_COSMOS_STANDIN_PORT}. */
  readonly port?: number;
  /** Where the snapshot lives; without it, data lives in memory only (but survives `restart()`). */
  readonly dataFile?: string;
  /** How often a dirty account is snapshotted; default 1000 ms. */
  readonly snapshotIntervalMs?: number;
  /** Called with unexpected errors (a handler crash, a failed snapshot write); default console.error. */
  readonly onError?: (error: unknown) => void;
}

export interface CosmosStandIn {
  /** `https://127.0.0.1:PORT/` */
  readonly endpoint: string;
  readonly key: string;
  readonly port: number;
  /** Writes a final snapshot (when `dataFile` is set), then closes the server and its connections. */
  stop(): Promise<void>;
  /** Goes away and comes back on the same port; with `dataFile`, the data comes back from the snapshot. */
  restart(): Promise<void>;
  /** While true, every request is answered `503 ServiceUnavailable`. */
  setUnavailable(unavailable: boolean): void;
  /** How many requests were answered 503 because of `setUnavailable(true)` since start. */
  refusedRequests(): number;
  /** Writes the snapshot now (when `dataFile` is set and anything changed since the last one). */
  flush(): Promise<void>;
}

/**
 * Options for `new CosmosClient(...)` against the stand-in: its self-signed certificate is
 * accepted (local only!) over a keep-alive agent, with {@link cosmosConnectionPolicy}.
 */
export function cosmosClientOptionsForStandIn(endpoint: string, key: string): CosmosClientOptions {
  return {
    endpoint,
    key,
    agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }),
    connectionPolicy: {
      ...cosmosConnectionPolicy,
      retryOptions: { ...cosmosConnectionPolicy.retryOptions },
    },
  };
}

function tlsMaterial(): { cert: Buffer; key: Buffer } {
  // The package ships a self-signed certificate for localhost beside its package.json.
  const packageDir = path.dirname(require.resolve('@vercel/cosmosdb-server/package.json'));
  return {
    cert: readFileSync(path.join(packageDir, 'cert.pem')),
    key: readFileSync(path.join(packageDir, 'key.pem')),
  };
}

function serviceUnavailable(res: ServerResponse): void {
  const body = JSON.stringify({
    code: 'ServiceUnavailable',
    message: 'The request failed because the service is temporarily unavailable (local outage).',
  });
  res.writeHead(503, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-ms-substatus': '0',
  });
  res.end(body);
}

async function loadSnapshot(dataFile: string | undefined): Promise<CosmosSnapshot | undefined> {
  if (!dataFile) return undefined;
  const content = await readJsonFile(dataFile);
  return content === undefined ? undefined : CosmosSnapshotSchema.parse(content);
}

export async function startCosmosStandIn(options: CosmosStandInOptions = {}): Promise<CosmosStandIn> {
  const { dataFile, snapshotIntervalMs = 1_000 } = options;
  const onError = options.onError ?? ((error: unknown) => console.error('[cosmos stand-in]', error));
  let account: CosmosAccount | undefined;
  let unavailable = false;
  let refused = 0;
  let dirty = false;
  let writing: Promise<void> = Promise.resolve();

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    if (unavailable || !account) {
      refused += 1;
      serviceUnavailable(res);
      return;
    }
    if (isWriteRequest(req)) {
      res.on('finish', () => {
        if (res.statusCode < 400) dirty = true;
      });
    }
    handleCosmosRequest(account, req, res, onError).catch((error: unknown) => {
      onError(error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };

  const flush = (): Promise<void> => {
    // Writes are chained so two snapshots never race for the same rename.
    writing = writing.then(async () => {
      if (!dataFile || !account || !dirty) return;
      dirty = false;
      try {
        await writeJsonAtomically(dataFile, captureSnapshot(account, new Date()));
      } catch (error) {
        dirty = true;
        onError(error);
      }
    });
    return writing;
  };

  const tls = tlsMaterial();
  let server = https.createServer({ ...tls, keepAlive: true }, handle);
  const bringUp = async (port: number): Promise<number> => {
    const snapshot = await loadSnapshot(dataFile);
    const boundPort = await listenOnLoopback(server, port);
    const fresh = new CosmosAccount(LOOPBACK, boundPort);
    if (snapshot) restoreSnapshot(fresh, snapshot);
    account = fresh;
    return boundPort;
  };

  const port = await bringUp(options.port ?? DEFAULT_COSMOS_STANDIN_PORT);
  const timer = setInterval(() => void flush(), snapshotIntervalMs);
  timer.unref();

  return {
    endpoint: `https://${LOOPBACK}:${port}/`,
    key: COSMOS_STANDIN_KEY,
    port,
    flush,
    refusedRequests: () => refused,
    setUnavailable(value) {
      unavailable = value;
    },
    async stop() {
      clearInterval(timer);
      await closeServer(server);
      await flush();
    },
    async restart() {
      await closeServer(server);
      await flush();
      if (dataFile) account = undefined; // forget memory: prove the snapshot brings the data back
      const survivor = account;
      server = https.createServer({ ...tls, keepAlive: true }, handle);
      if (survivor) {
        await listenOnLoopback(server, port);
      } else {
        await bringUp(port);
      }
    },
  };
}
