/**
 * Intake throughput and latency on this machine: POST /api/tickets through the local host on the
 * whole offline stack (Cosmos and email stand-ins, Durable on Azurite, the ticket lifecycle
 * running behind), a bounded number of requests at a fixed concurrency, each with its own
 * Idempotency-Key as the web form sends. Prints requests/s and latency percentiles.
 */
import os from 'node:os';
import { startLocalStack } from '../infra/local/stack';

const REQUESTS = Number(process.env['BENCH_INTAKE_REQUESTS'] ?? 400);
const CONCURRENCY = Number(process.env['BENCH_INTAKE_CONCURRENCY'] ?? 16);
const WARM_UP = 20;

function body(index: number): string {
  return JSON.stringify({
    requester: { name: 'Bench Requester', email: `bench.${index}@contoso.com`, timeZone: 'Europe/London', available24x7: false },
    company: 'Contoso Ltd',
    tenantDomain: 'contoso.onmicrosoft.com',
    productArea: 'entra-id',
    severity: 'B',
    scope: 'cloud',
    title: `Sign-in failures for the finance group (${index})`,
    description: 'Since Monday every member of the finance group gets AADSTS53003 when signing in to Outlook on the web from managed laptops.',
    businessImpact: 'Thirty people cannot read or send email during the month-end close.',
  });
}

function percentile(sorted: readonly number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

async function post(url: string, index: number, key: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: body(index) });
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

export async function run(): Promise<void> {
  const stack = await startLocalStack({ hostLogLevel: 'warn' });
  try {
    const url = `${stack.urls.host}/api/tickets`;
    for (let index = 0; index < WARM_UP; index += 1) await post(url, index, `warm-${index}`);

    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < REQUESTS) {
          const index = next;
          next += 1;
          const { status, ms } = await post(url, WARM_UP + index, `bench-${index}`);
          latencies.push(ms);
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
        `Intake (POST /api/tickets, full offline stack, ${REQUESTS} requests, ${CONCURRENCY} concurrent)`,
        line('throughput', `${(REQUESTS / seconds).toFixed(1)} requests/s`),
        line('latency p50 / p95 / p99', `${percentile(latencies, 0.5).toFixed(0)} / ${percentile(latencies, 0.95).toFixed(0)} / ${percentile(latencies, 0.99).toFixed(0)} ms`),
        line('latency max', `${(latencies[latencies.length - 1] ?? 0).toFixed(0)} ms`),
        line('answers', [...statuses].map(([status, count]) => `${status} × ${count}`).join(', ')),
        // Other work on the machine slows every figure above; the load says how busy it was.
        line('machine', `${os.cpus().length} cores, load average ${os.loadavg()[0]?.toFixed(1) ?? '?'} at the end`),
        '',
      ].join('\n'),
    );
  } finally {
    await stack.stop();
  }
}
