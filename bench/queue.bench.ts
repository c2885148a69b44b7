/**
 * GET /api/queue on the offline stack (`npm run bench -- queue`): a team lead's token, the local
 * host in its own process, the Cosmos stand-in in this one, first with 50 stored tickets and then
 * with 5,000 (a varied backlog), 16 and 64 requests at a time, the whole queue and one queue's page
 * alternating. Target: p99 < 100 ms with 5,000 stored tickets; the ratio of the p99 at 5,000 to the
 * p99 at 50 says whether a page costs what it returns or grows with what is stored. The stored
 * tickets' lifecycles are never due, so the host does nothing but answer. The requests come from a
 * client process of their own (`queue-load.ts`), not from the thread the stand-in answers on.
 * Beside each timing, the CPU one request cost in the host, in its worker processes (together),
 * in this process (the Cosmos stand-in) and in the client, read from /proc before and after.
 */
import os from 'node:os';
import { CosmosClient } from '@azure/cosmos';
import { cosmosClientOptionsForStandIn } from '../infra/local/services/cosmos-standin';
import { startLocalStack } from '../infra/local/stack';
import { BATON_DATABASE, TICKETS_CONTAINER } from '../shared/store/containers';
import { stamped } from '../shared/store/ticket-repository';
import { NOW, ORG } from '../test/unit/web/staff/support/console-tickets';
import { backlogTicket } from './backlog-tickets';
import { cpuPer, stackCpu, workerPids, type StackCpu } from './process-cpu';
import { startLoadClient, type Load, type LoadClient } from './queue-load';

const REQUESTS = Number(process.env['BENCH_QUEUE_REQUESTS'] ?? 400);
const CONCURRENCIES = [16, 64] as const;
const BACKLOGS = [50, 5_000] as const;
const TARGET_MS = 100;
const CREATED_TOGETHER = 50;

const loadAverage = (): string => os.loadavg().map((value) => value.toFixed(1)).join(' ');

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? Number.NaN;
}

interface Figures {
  readonly p50: number;
  readonly p99: number;
  readonly perSecond: number;
  readonly answers: string;
  readonly load: string;
  readonly cpuPerRequest: StackCpu;
}

async function measure(client: LoadClient, load: Load, cpu: () => StackCpu): Promise<Figures> {
  const cpuBefore = cpu();
  const answer = await client.send(load);
  const cpuPerRequest = cpuPer(cpuBefore, cpu(), load.requests);
  const latencies = [...answer.latencies].sort((first, second) => first - second);
  return {
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    perSecond: load.requests / answer.seconds,
    answers: answer.statuses.map(([status, count]) => `${String(status)} × ${String(count)}`).join(', '),
    load: loadAverage(),
    cpuPerRequest,
  };
}

export async function run(): Promise<void> {
  const stack = await startLocalStack();
  const cosmos = stack.services.cosmos;
  const identity = stack.services.identity;
  if (cosmos === undefined || identity === undefined) throw new Error('the queue bench needs the Cosmos stand-in and the dev issuer');
  const client = new CosmosClient(cosmosClientOptionsForStandIn(cosmos.endpoint, cosmos.key));
  let stopClient = (): void => undefined;
  try {
    const lead = await identity.mintToken({ id: 'daniel-brooks', name: 'Daniel Brooks', email: 'daniel.brooks@css.example', roles: ['team-lead'] });
    // The first call sets the store up (containers) before tickets are written into it.
    const first = await fetch(`${stack.urls.host}/api/queue`, { headers: { authorization: `Bearer ${lead}` } });
    if (!first.ok) throw new Error(`the queue answered ${String(first.status)}: ${stack.hostOutput().slice(-2000)}`);
    const hostPid = stack.hostPid();
    if (hostPid === undefined) throw new Error('the queue bench needs the host in its own process');
    const workers = await workerPids(stack);
    const loadClient = startLoadClient();
    stopClient = () => loadClient.stop();
    const cpu = (): StackCpu => stackCpu(hostPid, workers, loadClient.pid);
    const urls = [`${stack.urls.host}/api/queue`, `${stack.urls.host}/api/queue?queue=collaboration`];
    const burst = (concurrency: number): Promise<Figures> => measure(loadClient, { urls, token: lead, concurrency, requests: REQUESTS }, cpu);
    const tickets = client.database(BATON_DATABASE).container(TICKETS_CONTAINER);
    const results: { stored: number; concurrency: number; figures: Figures }[] = [];
    let stored = 0;
    for (const backlog of BACKLOGS) {
      for (; stored < backlog; stored += CREATED_TOGETHER) {
        const batch = Array.from({ length: Math.min(CREATED_TOGETHER, backlog - stored) }, (_, offset) => backlogTicket(stored + offset));
        // Never due to the watchdog, so the host only answers the queue.
        await Promise.all(batch.map((ticket) => tickets.items.create({ ...stamped(ticket, { org: ORG, now: NOW }), id: ticket.ticketNumber, lifecycleDueAt: '9999-12-31T23:59:59.999Z' })));
      }
      await burst(16);
      for (const concurrency of CONCURRENCIES) results.push({ stored: backlog, concurrency, figures: await burst(concurrency) });
    }
    const line = (label: string, value: string): string => `  ${label.padEnd(36)} ${value}`;
    const p99 = (backlog: number, concurrency: number): number => results.find((result) => result.stored === backlog && result.concurrency === concurrency)?.figures.p99 ?? Number.NaN;
    const [small, large] = BACKLOGS;
    console.log(
      [
        '',
        `GET /api/queue on the offline stack (${String(REQUESTS)} requests each, the whole queue and one queue alternating; ${String(os.cpus().length)} cores, Node ${process.version}; load average 1/5/15 min)`,
        ...results.map(({ stored: backlog, concurrency, figures }) =>
          line(
            `${String(backlog)} stored, ${String(concurrency)} concurrent`,
            `p50 ${figures.p50.toFixed(1)} ms, p99 ${figures.p99.toFixed(1)} ms, ${figures.perSecond.toFixed(0)}/s (answers ${figures.answers}; load ${figures.load})`,
          ),
        ),
        ...results.map(({ stored: backlog, concurrency, figures: { cpuPerRequest: cost } }) =>
          line(
            `  CPU per request (${String(backlog)}, ${String(concurrency)})`,
            `host ${cost.hostMs.toFixed(2)} ms, workers ${cost.workersMs.toFixed(2)} ms (${String(workers.length)}), Cosmos stand-in ${cost.ownMs.toFixed(2)} ms, client ${cost.clientMs.toFixed(2)} ms`,
          ),
        ),
        ...CONCURRENCIES.map((concurrency) => line(`${String(concurrency)} concurrent: p99 at ${String(large)} / at ${String(small)}`, `${(p99(large, concurrency) / p99(small, concurrency)).toFixed(2)}×`)),
        ...CONCURRENCIES.map((concurrency) => line(`${String(concurrency)} concurrent: p99 / target (${String(TARGET_MS)} ms)`, `${(p99(large, concurrency) / TARGET_MS).toFixed(2)} (at most 1.00)`)),
        '',
      ].join('\n'),
    );
  } finally {
    stopClient();
    client.dispose();
    await stack.stop();
  }
}
