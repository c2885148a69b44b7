/**
 * The offline Cosmos DB: @vercel/cosmosdb-server in process over HTTPS with keep-alive, whose data
 * survives restarts and crashes (a write-ahead journal flushed before each write is answered,
 * compacted into a JSON snapshot), and which can be switched into an outage on demand.
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
import { CosmosAccount, handleCosmosRequest, type CommitWrite } from './cosmos-engine';
import {
  applyJournalRecord,
  listJournalGenerations,
  readJournalFile,
  WriteAheadJournal,
  type StoredDocument,
} from './cosmos-journal';
import { captureSnapshot, CosmosSnapshotSchema, restoreSnapshot, type CosmosSnapshot } from './cosmos-snapshot';
import { z } from 'zod';
import { closeServer, listenOnLoopback, LOOPBACK, parseJsonBody, readBody, sendJson } from './http-server';
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
  /**
   * How often a changed account is snapshotted, compacting the journal; default 5000 ms. Durability
   * does not depend on it (the journal has every acknowledged write); it bounds the journal's length
   * and so the replay at start, while a snapshot costs a serialisation of the whole account.
   */
  readonly snapshotIntervalMs?: number;
  /**
   * With `dataFile`, every acknowledged write is in the write-ahead journal before its answer
   * (default). `false` leaves only the periodic snapshot — writes of the last interval are lost in a
   * crash; it exists so the benchmark can measure what the journal costs, and for nothing else.
   */
  readonly journal?: boolean;
  /** Called with unexpected errors (a handler crash, a failed snapshot write); default console.error. */
  readonly onError?: (error: unknown) => void;
}

export interface CosmosStandIn {
  /** `https://127.0.0.1:PORT/` */
  readonly endpoint: string;
  readonly key: string;
  readonly port: number;
  /** Closes the server and its connections, then writes a final snapshot (when `dataFile` is set). */
  stop(): Promise<void>;
  /** Goes away and comes back on the same port; with `dataFile`, the data comes back from the snapshot. */
  restart(): Promise<void>;
  /** While true, every request is answered `503 ServiceUnavailable`. */
  setUnavailable(unavailable: boolean): void;
  /** How many requests were answered 503 because of `setUnavailable(true)` since start. */
  refusedRequests(): number;
  /** Writes the snapshot now (when `dataFile` is set and anything changed since the last one), compacting the journal. */
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

/**
 * How long an idle client connection stays open. Node's servers close one after 5 s, so a client
 * that paused (a bench writing its tickets, a quiet minute) opened every connection again with a
 * TLS handshake, a few ms of CPU on both sides each, and the first requests of the next burst
 * waited for them; Azure's load balancers keep an idle connection 4 minutes.
 */
const IDLE_CONNECTION_TIMEOUT_MS = 4 * 60_000;

const OUTAGE_SWITCH_PATH = '/_control/unavailable';
const OutageSwitchSchema = z.object({ unavailable: z.boolean() });

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

async function loadSnapshot(dataFile: string): Promise<CosmosSnapshot | undefined> {
  const content = await readJsonFile(dataFile);
  return content === undefined ? undefined : CosmosSnapshotSchema.parse(content);
}

/**
 * The account as the data file and its journal left it: the snapshot, then every later journal
 * generation in order. Answers the journal to append to next (a fresh generation).
 */
async function loadAccount(
  account: CosmosAccount,
  dataFile: string,
  journaled: boolean,
): Promise<{ journal: WriteAheadJournal | undefined; replayed: number }> {
  const snapshot = await loadSnapshot(dataFile);
  if (snapshot) restoreSnapshot(account, snapshot);
  const covered = snapshot?.journalGeneration ?? 0;
  const directory = path.dirname(dataFile);
  const baseName = path.basename(dataFile);
  let replayed = 0;
  let lastGeneration = covered;
  for (const { generation, file } of await listJournalGenerations(directory, baseName)) {
    lastGeneration = Math.max(lastGeneration, generation);
    if (generation <= covered) continue;
    for (const record of await readJournalFile(file)) {
      applyJournalRecord(account, record);
      replayed += 1;
    }
  }
  return { journal: journaled ? new WriteAheadJournal(directory, baseName, lastGeneration + 1) : undefined, replayed };
}

function isStoredDocument(value: unknown): value is StoredDocument {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
}

export async function startCosmosStandIn(options: CosmosStandInOptions = {}): Promise<CosmosStandIn> {
  const { dataFile, snapshotIntervalMs = 5_000 } = options;
  const journaled = dataFile !== undefined && options.journal !== false;
  const onError = options.onError ?? ((error: unknown) => console.error('[cosmos stand-in]', error));
  let account: CosmosAccount | undefined;
  let journal: WriteAheadJournal | undefined;
  let unavailable = false;
  let refused = 0;
  let changed = false;
  let snapshotting: Promise<void> = Promise.resolve();

  /** Writes a snapshot covering every journal generation so far, then drops those generations. */
  const snapshotNow = (): Promise<void> => {
    // Snapshots are chained so two never race for the same rename.
    const next = snapshotting.then(async () => {
      if (!dataFile || !account || !changed) return;
      changed = false;
      // Capture and rotation happen in one tick: the snapshot holds exactly the closed generations.
      const covered = journal?.rotate();
      const snapshot = captureSnapshot(account, new Date(), covered);
      try {
        await writeJsonAtomically(dataFile, snapshot);
      } catch (error) {
        changed = true;
        throw error;
      }
      if (journal && covered !== undefined) await journal.removeThrough(covered);
    });
    snapshotting = next.catch(() => undefined);
    return next;
  };
  const flush = (): Promise<void> => snapshotNow().catch(onError);

  const commitTo =
    (target: CosmosAccount): CommitWrite =>
    async (effect) => {
      changed = true;
      if (!journal) return;
      // Structural writes are rare (start-up, tests): a full snapshot makes them durable.
      if (effect.kind === 'account') return snapshotNow();
      const { databaseId, containerId, id, partitionKey } = effect;
      // The document's state now, not the handler's answer: records for one document then replay
      // to the latest state whatever order concurrent writes reached the journal in.
      const current: unknown = target.database(databaseId).collection(containerId).document(id, partitionKey).read();
      const doc = isStoredDocument(current) ? current : null;
      await journal.append({ db: databaseId, coll: containerId, id, ...(partitionKey === undefined ? {} : { pk: partitionKey }), doc });
    };

  /** `POST /_control/unavailable {"unavailable": bool}`: the outage switch, over HTTP for a running `npm start`. */
  const control = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const wanted = OutageSwitchSchema.safeParse(parseJsonBody(await readBody(req, 1024)));
    if (!wanted.success) return sendJson(res, 400, { code: 'BadRequest', message: 'Send {"unavailable": true} or {"unavailable": false}.' });
    unavailable = wanted.data.unavailable;
    return sendJson(res, 200, { unavailable });
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    // The SDK never asks for this path; it answers even during the outage it switches.
    if (req.method === 'POST' && req.url === OUTAGE_SWITCH_PATH) {
      control(req, res).catch((error: unknown) => {
        onError(error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
      return;
    }
    if (unavailable || !account) {
      refused += 1;
      serviceUnavailable(res);
      return;
    }
    handleCosmosRequest(account, req, res, onError, commitTo(account)).catch((error: unknown) => {
      onError(error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };

  const tls = tlsMaterial();
  const createServer = (): https.Server => {
    const created = https.createServer({ ...tls, keepAlive: true }, handle);
    created.keepAliveTimeout = IDLE_CONNECTION_TIMEOUT_MS;
    return created;
  };
  let server = createServer();
  const bringUp = async (port: number): Promise<number> => {
    // Until the data is loaded, requests are answered 503 (no account yet).
    const boundPort = await listenOnLoopback(server, port);
    const fresh = new CosmosAccount(LOOPBACK, boundPort);
    if (dataFile) {
      const loaded = await loadAccount(fresh, dataFile, journaled);
      journal = loaded.journal;
      // Replayed generations are compacted into the next snapshot.
      if (loaded.replayed > 0) changed = true;
    }
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
      await journal?.close();
    },
    async restart() {
      await closeServer(server);
      await flush();
      await journal?.close();
      journal = undefined;
      if (dataFile) account = undefined; // forget memory: prove the data file brings the data back
      const survivor = account;
      server = createServer();
      if (survivor) {
        await listenOnLoopback(server, port);
      } else {
        await bringUp(port);
      }
    },
  };
}
