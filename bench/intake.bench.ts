/**
 * Intake throughput and latency on this machine, two ways, each a bounded number of requests at a
 * fixed concurrency with its own Idempotency-Key (as the web form sends):
 * - over HTTP (POST /api/tickets) through the local host on the whole offline stack, with each
 *   ticket's lifecycle running behind it on the same two cores, as `npm start` runs;
 * - the ticket service alone, in process against the Cosmos and email stand-ins: what intake
 *   itself costs, without HTTP, Durable or the lifecycles;
 * - the same with the stand-ins keeping their data on disk, with and without the Cosmos stand-in's
 *   write-ahead journal: what making every acknowledged write durable costs intake.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CosmosClient } from '@azure/cosmos';
import { startLocalStack } from '../infra/local/stack';
import { cosmosClientOptionsForStandIn, startCosmosStandIn } from '../infra/local/services/cosmos-standin';
import { startEmailStandIn } from '../infra/local/services/email-standin';
import { loadConfig } from '../shared/config';
import { WebFormIntakeSchema } from '../shared/domain/intake/intake';
import { createTicketServices } from '../shared/ticket-service/ticket-services';
import { benchIntakeBody } from './intake-request-body';

const REQUESTS = Number(process.env['BENCH_INTAKE_REQUESTS'] ?? 400);
const CONCURRENCY = Number(process.env['BENCH_INTAKE_CONCURRENCY'] ?? 16);
const WARM_UP = 20;

function percentile(sorted: readonly number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

async function post(url: string, key: string, index: number): Promise<number> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: benchIntakeBody(index) });
  await response.arrayBuffer();
  return response.status;
}

/** Runs `request` REQUESTS times, CONCURRENCY at a time, prints what it measured and answers the throughput. */
async function measure(title: string, request: (index: number) => Promise<number>): Promise<number> {
  for (let index = 0; index < WARM_UP; index += 1) await request(REQUESTS + index);
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        const index = next;
        next += 1;
        const sent = performance.now();
        const status = await request(index);
        latencies.push(performance.now() - sent);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const line = (label: string, value: string): string => `  ${label.padEnd(28)} ${value}`;
  console.log(
    [
      '',
      `${title} (${REQUESTS} requests, ${CONCURRENCY} concurrent)`,
      line('throughput', `${(REQUESTS / seconds).toFixed(1)} requests/s`),
      line('latency p50 / p95 / p99', `${percentile(latencies, 0.5).toFixed(0)} / ${percentile(latencies, 0.95).toFixed(0)} / ${percentile(latencies, 0.99).toFixed(0)} ms`),
      line('latency max', `${(latencies[latencies.length - 1] ?? 0).toFixed(0)} ms`),
      line('answers', [...statuses].map(([status, count]) => `${status} × ${count}`).join(', ')),
      // Other work on the machine slows every figure above; the load says how busy it was.
      line('machine', `${os.cpus().length} cores, load average ${os.loadavg()[0]?.toFixed(1) ?? '?'} at the end`),
      '',
    ].join('\n'),
  );
  return REQUESTS / seconds;
}

async function overHttp(workerProcesses: number): Promise<number> {
  const stack = await startLocalStack({ hostLogLevel: 'warn', settings: { FUNCTIONS_WORKER_PROCESS_COUNT: String(workerProcesses) } });
  try {
    const url = `${stack.urls.host}/api/tickets`;
    const where = workerProcesses === 1 ? 'the app in the host process' : `the app in ${String(workerProcesses)} worker processes`;
    return await measure(`Intake over HTTP, full offline stack with lifecycles, ${where}`, (index) => post(url, `bench-${String(workerProcesses)}-${String(index)}`, index));
  } finally {
    await stack.stop();
  }
}

/**
 * What worker processes give intake: the same requests through a host that runs the app in its
 * own process (FUNCTIONS_WORKER_PROCESS_COUNT=1) and in one worker process per core, in the same run.
 */
async function workerProcessComparison(): Promise<void> {
  const cores = Math.min(os.availableParallelism(), 10);
  const inProcess = await overHttp(1);
  const inWorkers = await overHttp(Math.max(cores, 2));
  console.log(
    [
      'Intake over HTTP: worker processes against the app in the host process (same run)',
      `  ratio workers / in process    ${(inWorkers / inProcess).toFixed(2)} (${inWorkers.toFixed(1)} / ${inProcess.toFixed(1)} requests/s)`,
      `  machine                       ${os.cpus().length} cores, load average ${os.loadavg().map((value) => value.toFixed(1)).join(' ')} at the end`,
      '',
    ].join('\n'),
  );
}

/**
 * How the Cosmos stand-in keeps its data: `journal` is what the stack runs (every acknowledged write
 * flushed to the write-ahead journal before its answer); `snapshot only` is the stand-in as it was
 * before, its data on disk only at the next snapshot; `memory` keeps nothing on disk.
 */
type Durability = 'journal' | 'snapshot only' | 'memory';

async function serviceAlone(durability: Durability = 'memory'): Promise<number> {
  const dataDirectory = durability === 'memory' ? undefined : mkdtempSync(path.join(os.tmpdir(), 'bench-intake-'));
  const cosmosOptions = dataDirectory
    ? // Before the journal, the stand-in snapshotted every second to bound what a crash could lose.
      { port: 0, dataFile: path.join(dataDirectory, 'cosmos.json'), journal: durability === 'journal', ...(durability === 'journal' ? {} : { snapshotIntervalMs: 1_000 }) }
    : { port: 0 };
  const [cosmos, email] = await Promise.all([
    startCosmosStandIn(cosmosOptions),
    startEmailStandIn({ port: 0, ...(dataDirectory ? { dataDir: path.join(dataDirectory, 'email') } : {}) }),
  ]);
  const client = new CosmosClient(cosmosClientOptionsForStandIn(cosmos.endpoint, cosmos.key));
  try {
    const config = loadConfig({
      BATON_ENVIRONMENT: 'local',
      BATON_COSMOS_ENDPOINT: cosmos.endpoint,
      BATON_COSMOS_KEY: cosmos.key,
      BATON_COSMOS_ALLOW_INSECURE_TLS: 'true',
      BATON_EMAIL_CONNECTION_STRING: email.connectionString,
      BATON_EMAIL_SENDER_ADDRESS: 'DoNotReply@baton.bench',
      BATON_PUBLIC_BASE_URL: 'http://baton.bench',
      BATON_STAFF_TOKEN_ISSUER: 'http://127.0.0.1:1/issuer',
      BATON_STAFF_TOKEN_AUDIENCE: 'api://baton',
      BATON_STAFF_TOKEN_JWKS_URI: 'http://127.0.0.1:1/jwks',
      BATON_VENDOR_API_BASE_URL: 'http://127.0.0.1:1/vendor',
      BATON_VENDOR_API_KEY: 'unused',
      BATON_TASK_HUB: 'BatonBench',
    });
    const services = createTicketServices(config, { cosmosClient: client });
    return await measure(`Intake service alone, in process against the stand-ins (Cosmos data: ${durability})`, async (index) => {
      const intake = WebFormIntakeSchema.parse(JSON.parse(benchIntakeBody(index)));
      const opened = await services.openTicket({ intake, receivedAt: new Date(), idempotencyKey: `service-${durability}-${index}` });
      return opened.kind === 'accepted' ? 202 : opened.kind === 'unavailable' ? 503 : 500;
    });
  } finally {
    client.dispose();
    await Promise.all([cosmos.stop(), email.stop()]);
    if (dataDirectory) rmSync(dataDirectory, { recursive: true, force: true });
  }
}

/**
 * What the write-ahead journal costs intake: the same service against the stand-in with and without
 * it, in alternating rounds so a change in the machine's load (it is shared) hits both alike; the
 * medians are compared.
 */
async function journalCost(): Promise<void> {
  const ROUNDS = 3;
  const without: number[] = [];
  const withJournal: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    without.push(await serviceAlone('snapshot only'));
    withJournal.push(await serviceAlone('journal'));
  }
  const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  const rounds = (values: readonly number[]): string => values.map((value) => value.toFixed(1)).join(', ');
  const before = median(without);
  const after = median(withJournal);
  console.log(
    [
      `Intake throughput with the Cosmos write-ahead journal (median of ${ROUNDS} alternating rounds, same run)`,
      `  before (snapshot only)        ${before.toFixed(1)} requests/s (rounds: ${rounds(without)})`,
      `  after (journal)               ${after.toFixed(1)} requests/s (rounds: ${rounds(withJournal)})`,
      `  ratio after / before          ${(after / before).toFixed(2)} (the journal may cost at most a third: ≥ 0.67)`,
      `  machine                       ${os.cpus().length} cores, load average ${os.loadavg()[0]?.toFixed(1) ?? '?'} at the end`,
      '',
    ].join('\n'),
  );
}

export async function run(): Promise<void> {
  await workerProcessComparison();
  await serviceAlone();
  await journalCost();
}
