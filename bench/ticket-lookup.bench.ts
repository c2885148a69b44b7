/**
 * Whether a lookup's latency tells which ticket numbers exist: through the local host on the whole
 * offline stack, the same wrong token is presented for a ticket that exists and for a number that
 * does not, 200 times each, interleaved so that drift on the machine falls on both alike. Both
 * answer the same 404; the medians should differ by well under half a millisecond. Done for the
 * requester API (Bearer token) and the status page (access cookie).
 */
import os from 'node:os';
import { startLocalStack } from '../infra/local/stack';
import { SETTING } from '../shared/config/settings';

const SAMPLES = Number(process.env['BENCH_LOOKUP_SAMPLES'] ?? 200);
const WARM_UP = 30;
const WRONG_TOKEN = 'A'.repeat(43);

const INTAKE = {
  requester: { name: 'Bench Requester', email: 'lookup.bench@contoso.com', timeZone: 'Europe/London', available24x7: false },
  company: 'Contoso Ltd',
  tenantDomain: 'contoso.onmicrosoft.com',
  productArea: 'entra-id',
  severity: 'C',
  scope: 'cloud',
  title: 'A ticket for the lookup benchmark',
  description: 'Exists so that a lookup of an existing ticket can be timed against a lookup of a missing one.',
  businessImpact: 'None: a benchmark.',
};

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function timed(url: string, headers: Record<string, string>): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers, redirect: 'manual' });
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

async function compare(title: string, urlFor: (ticketNumber: string) => string, headers: Record<string, string>, existing: string, missing: string): Promise<void> {
  for (let index = 0; index < WARM_UP; index += 1) {
    await timed(urlFor(existing), headers);
    await timed(urlFor(missing), headers);
  }
  const times = { existing: [] as number[], missing: [] as number[] };
  const statuses = new Set<string>();
  for (let index = 0; index < SAMPLES; index += 1) {
    // Alternate which goes first, so neither always follows the other.
    const order = index % 2 === 0 ? (['existing', 'missing'] as const) : (['missing', 'existing'] as const);
    for (const which of order) {
      const answer = await timed(urlFor(which === 'existing' ? existing : missing), headers);
      times[which].push(answer.ms);
      statuses.add(`${which} ${answer.status}`);
    }
  }
  const existingMedian = median(times.existing);
  const missingMedian = median(times.missing);
  const line = (label: string, value: string): string => `  ${label.padEnd(34)} ${value}`;
  console.log(
    [
      '',
      `${title} (${SAMPLES} wrong-token lookups each, interleaved)`,
      line('median, ticket exists', `${existingMedian.toFixed(3)} ms`),
      line('median, ticket does not exist', `${missingMedian.toFixed(3)} ms`),
      line('difference of the medians', `${Math.abs(existingMedian - missingMedian).toFixed(3)} ms (target < 0.5 ms)`),
      line('ratio of the medians', (existingMedian / missingMedian).toFixed(3)),
      line('answers', [...statuses].sort().join(', ')),
      line('machine', `${os.cpus().length} cores, load average ${os.loadavg()[0]?.toFixed(1) ?? '?'} at the end`),
      '',
    ].join('\n'),
  );
}

export async function run(): Promise<void> {
  // The lookups, not the lifecycles behind them, are measured: a Severity C ticket filed once.
  const stack = await startLocalStack({ hostLogLevel: 'warn', settings: { [SETTING.intakeLimitPerClientAddress]: '1000' } });
  try {
    const opened = await fetch(`${stack.urls.host}/api/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(INTAKE) });
    const { ticketNumber } = (await opened.json()) as { ticketNumber: string };
    // Same shape and length as a real number; no ticket carries it.
    const missing = `${ticketNumber.slice(0, -5)}${ticketNumber.endsWith('ZZZZZ') ? 'YYYYY' : 'ZZZZZ'}`;
    await compare('Requester API lookup', (number) => `${stack.urls.host}/api/tickets/${number}`, { authorization: `Bearer ${WRONG_TOKEN}` }, ticketNumber, missing);
    await compare('Status page lookup', (number) => `${stack.urls.host}/tickets/${number}`, { cookie: `baton_access=${WRONG_TOKEN}` }, ticketNumber, missing);
  } finally {
    await stack.stop();
  }
}
