/**
 * What an open backlog costs a quiet hour (`npm run bench backlog`): on the offline stack with the
 * sample organisation and a virtual clock, one virtual hour is stepped through every timer of the
 * app (outbox every 15 s, watchdog and intake repair every minute) with 0, then 50, then 500 open
 * tickets, in the same run. The tickets are Contoso's Severity B requests opened on a Saturday:
 * validated, triaged and waiting for Monday's business-hours shift, so nothing falls due in the
 * measured hours and whatever the hour costs beyond the empty one is the backlog's. A proxy counts
 * the app's Cosmos requests in each hour (the SDK sends two per query: its plan, then the page; a
 * GROUP BY costs one more, the gateway's refusal of the query as it is, before the plan's query)
 * and prints the query requests on the tickets container per hour and their ratio, 500 open to none.
 */
import os from 'node:os';
import { FIGURES_WINDOW_MS } from '../shared/domain/metrics/operations-figures';
import { OrgConfigSchema } from '../shared/domain/org/org-config';
import { sampleOrgConfig } from '../shared/domain/org/sample/sample-org';
import { startLifecycleStack, type LifecycleStack } from '../test/e2e/lifecycle/support/lifecycle-stack';
import { sampleIntakeBody } from '../test/integration/ticket-service/support/sample-intake';
import { startStoreCounter, type StoreCounter } from './lifecycle-store-counter';

/** A Saturday: the sample organisation's business-hours queues have nobody on shift until Monday. */
const SATURDAY = '2026-11-21T09:00:00.000Z';
const BACKLOGS = [0, 50, 500] as const;
const HOUR_MS = 3_600_000;
const OPENED_TOGETHER = 10;

interface HourMeasure {
  readonly openTickets: number;
  readonly seconds: number;
  readonly load: string;
  readonly ticketQueries: number;
  readonly ticketOther: number;
  readonly outboxQueries: number;
}

async function openBacklog(lifecycle: LifecycleStack, from: number, to: number): Promise<string[]> {
  const numbers: string[] = [];
  for (let start = from; start < to; start += OPENED_TOGETHER) {
    const batch = Array.from({ length: Math.min(OPENED_TOGETHER, to - start) }, (_, offset) => start + offset);
    const answers = await Promise.all(
      batch.map((index) =>
        lifecycle.openTicket(
          sampleIntakeBody({ requester: { name: 'Ana Silva', email: `backlog-${String(index)}@contoso.com`, timeZone: 'Europe/Lisbon', available24x7: false } }),
        ),
      ),
    );
    numbers.push(...answers.map((answer) => answer.ticketNumber));
  }
  // Past the grace periods, so the intake repair and the watchdog have seen every new ticket once,
  // and past the operations figures' window, so the measured hour's snapshots see the backlog as
  // open tickets only, not as the intake of their last hour (which they read whole, for its events).
  await lifecycle.advance(3 * 60_000 + FIGURES_WINDOW_MS);
  return numbers;
}

async function statusTally(lifecycle: LifecycleStack, numbers: readonly string[]): Promise<string> {
  const tally = new Map<string, number>();
  for (const number of numbers) {
    const { status } = await lifecycle.ticket(number);
    tally.set(status, (tally.get(status) ?? 0) + 1);
  }
  return [...tally].map(([status, count]) => `${String(count)} ${status}`).join(', ');
}

async function quietHour(lifecycle: LifecycleStack, counter: StoreCounter, openTickets: number): Promise<HourMeasure> {
  counter.reset();
  const started = process.hrtime.bigint();
  await lifecycle.advance(HOUR_MS);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const operations = counter.operations();
  const count = (container: string, query: boolean) => operations.filter((operation) => operation.container === container && (operation.kind === 'query' || operation.kind === 'query-plan') === query).length;
  return {
    openTickets,
    seconds,
    load: os.loadavg().map((value) => value.toFixed(1)).join(' '),
    ticketQueries: count('tickets', true),
    ticketOther: count('tickets', false),
    outboxQueries: count('outbox', true),
  };
}

export async function run(): Promise<void> {
  const counter = await startStoreCounter();
  const lifecycle = await startLifecycleStack({
    startAt: SATURDAY,
    org: OrgConfigSchema.parse(sampleOrgConfig),
    settings: { BATON_COSMOS_ENDPOINT: counter.endpoint },
    prepare: (stack) => counter.forwardTo(stack.services.cosmos?.endpoint ?? ''),
  });
  try {
    const measures: HourMeasure[] = [];
    const numbers: string[] = [];
    for (const backlog of BACKLOGS) {
      numbers.push(...(await openBacklog(lifecycle, numbers.length, backlog)));
      measures.push(await quietHour(lifecycle, counter, numbers.length));
    }
    const mail = lifecycle.stack.services.email?.messages().length ?? 0;

    console.log(`\nOne quiet virtual hour stepped through the app's timers, by open backlog (${String(os.cpus().length)} cores, Node ${process.version}; load average 1/5/15 min at the end of each hour):`);
    for (const measure of measures) {
      console.log(
        `  ${String(measure.openTickets).padStart(3)} open tickets: ${measure.seconds.toFixed(1)} s real time; tickets container ${String(measure.ticketQueries)} query requests + ${String(measure.ticketOther)} others, outbox ${String(measure.outboxQueries)} query requests; load ${measure.load}`,
      );
    }
    const empty = measures[0];
    const largest = measures[measures.length - 1];
    if (empty !== undefined && largest !== undefined && largest.openTickets > 0) {
      const slope = (largest.seconds - empty.seconds) / largest.openTickets;
      console.log(`  slope 0 → ${String(largest.openTickets)}: ${slope.toFixed(4)} s per additional open ticket per virtual hour (${(largest.seconds / empty.seconds).toFixed(2)}× the empty hour)`);
    }
    if (empty !== undefined && largest !== undefined) {
      // The operations snapshot (every five minutes) counts the open backlog with GROUP BY: the same requests whatever is open.
      const perHour = measures.map((measure) => `${String(measure.ticketQueries)} at ${String(measure.openTickets)} open`).join(', ');
      const ratio = empty.ticketQueries > 0 ? (largest.ticketQueries / empty.ticketQueries).toFixed(2) : 'n/a';
      console.log(`  query requests on the tickets container per virtual hour: ${perHour}; ${String(largest.openTickets)} open / 0 open: ${ratio}×`);
    }
    console.log(`  the backlog at the end: ${await statusTally(lifecycle, numbers)}; ${String(mail)} emails sent in all`);
  } finally {
    await lifecycle.stop();
    await counter.stop();
  }
}
