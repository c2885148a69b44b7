/**
 * Durable emulator throughput on this machine: orchestrations per second for the chain
 * "activity → one-hour timer → activity" under the virtual clock (started through an HTTP function
 * and the real DurableClient, state in Azurite), beside raw activity invocations per second
 * through the same host invoker with no Durable machinery.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startAzurite } from '../infra/local/azurite';
import { startFunctionHost } from '../infra/local/host/function-host';
import { createHostLogger } from '../infra/local/host/host-log';
import { createDurableExtension } from '../infra/local/durable';

const HOUR = 3_600_000;
const APP = path.resolve(__dirname, '..', 'test', 'fixtures', 'durable-app');
const ORCHESTRATIONS = Number(process.env['BENCH_ORCHESTRATIONS'] ?? 1000);
const ACTIVITIES = Number(process.env['BENCH_ACTIVITIES'] ?? 5000);
const CLIENT_CONCURRENCY = 32;

/** CPU seconds a process has used (Linux /proc; 0 elsewhere). */
function processCpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

async function inParallel(count: number, limit: number, job: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, count) }, async () => {
      while (next < count) {
        const index = next;
        next += 1;
        await job(index);
      }
    }),
  );
}

interface ChainRun {
  readonly seconds: number;
  readonly hostCpu: number;
  readonly azuriteCpu: number;
  readonly transactions: number;
}

export async function run(): Promise<void> {
  const azurite = await startAzurite({ location: 'memory', blobPort: 0, queuePort: 0, tablePort: 0 });
  const extension = createDurableExtension();
  const host = await startFunctionHost({
    appDirectory: APP,
    port: 0,
    settings: { AzureWebJobsStorage: azurite.connectionString, PARCEL_TASK_HUB: 'BenchHub' },
    clock: { mode: 'virtual', startAt: Date.parse('2026-03-02T08:00:00Z') },
    extensions: [extension],
    logger: createHostLogger({ level: 'error' }),
  });
  // A plain keep-alive HTTP client: the callers are not what is measured (fetch costs far more CPU).
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENT_CONCURRENCY });
  const post = (url: string, id: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({ parcel: id });
      const request = http.request(
        url,
        { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (response) => {
          response.resume();
          response.on('end', () =>
            response.statusCode === 202 ? resolve() : reject(new Error(`start ${id}: ${String(response.statusCode)}`)),
          );
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  // Through an HTTP function and the real DurableClient, as Baton starts its orchestrations.
  const viaClient = (id: string): Promise<void> => post(`${host.url}/api/start/shipParcel/${id}`, id);
  // Straight to the Durable HTTP API (what DurableClient.startNew sends), without the function hop.
  const viaApi = (id: string): Promise<void> => post(`${extension.facts?.rpcBaseUrl ?? ''}orchestrators/shipParcel/${id}`, id);

  const chains = async (prefix: string, start: (id: string) => Promise<void>): Promise<ChainRun> => {
    const writesBefore = extension.facts?.writes();
    const cpuBefore = process.cpuUsage();
    const azuriteBefore = processCpuSeconds(azurite.pid);
    const began = performance.now();
    await inParallel(ORCHESTRATIONS, CLIENT_CONCURRENCY, (index) => start(`${prefix}-${index}`));
    await host.whenIdle();
    await host.advanceClock({ ms: HOUR });
    const seconds = (performance.now() - began) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const writesAfter = extension.facts?.writes();
    const last = (await (await fetch(`${host.url}/api/shipments/${prefix}-${ORCHESTRATIONS - 1}`)).json()) as { runtimeStatus?: string };
    if (last.runtimeStatus !== 'Completed') throw new Error(`${prefix}: the last chain is ${String(last.runtimeStatus)}`);
    const count = (table: 'history' | 'projections'): number =>
      (writesAfter?.[table].transactions ?? 0) - (writesBefore?.[table].transactions ?? 0);
    return {
      seconds,
      hostCpu: (cpu.user + cpu.system) / 1e6,
      azuriteCpu: processCpuSeconds(azurite.pid) - azuriteBefore,
      transactions: count('history') + count('projections'),
    };
  };

  try {
    // Warm up code paths and connections.
    await inParallel(50, CLIENT_CONCURRENCY, (index) => viaClient(`warm-${index}`));
    await host.advanceClock({ ms: HOUR });
    const only = process.env['BENCH_DURABLE_ONLY'];
    const api = await chains('api', viaApi);
    const client = only === 'api' ? api : await chains('client', viaClient);

    const activityBegan = performance.now();
    await inParallel(ACTIVITIES, CLIENT_CONCURRENCY, async (index) => {
      await host.invoker.invoke('printLabel', { triggerValue: JSON.stringify(`parcel-${index}`) });
    });
    const activitySeconds = (performance.now() - activityBegan) / 1000;

    const perMs = (seconds: number): string => ((seconds * 1000) / ORCHESTRATIONS).toFixed(1);
    const row = (label: string, result: ChainRun): string =>
      `| ${label} | ${ORCHESTRATIONS} | ${result.seconds.toFixed(2)} | ${(ORCHESTRATIONS / result.seconds).toFixed(0)} | ` +
      `${perMs(result.hostCpu)} + ${perMs(result.azuriteCpu)} | ${(result.transactions / ORCHESTRATIONS).toFixed(2)} |`;
    console.log(`Durable emulator on ${os.cpus().length} cores (Node ${process.version}), Azurite in memory, load average ${os.loadavg()[0]?.toFixed(1) ?? '?'}`);
    console.log('');
    console.log('| measure | count | seconds | per second | CPU ms each (host + Azurite) | table transactions each |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    console.log(row('orchestrations: activity → 1 h timer → activity, started via HTTP function + DurableClient', client));
    console.log(row('orchestrations: same chain, started straight on the Durable HTTP API', api));
    console.log(
      `| raw activity invocations (host invoker only) | ${ACTIVITIES} | ${activitySeconds.toFixed(2)} | ${(ACTIVITIES / activitySeconds).toFixed(0)} | | |`,
    );
  } finally {
    agent.destroy();
    await host.stop();
    await azurite.stop();
  }
}
