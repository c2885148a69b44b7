/**
 * How fast the staff console's list pages answer with a large open backlog (`npm run bench --
 * staff-console`): My work (María García, 20 tickets of her own) and the queue (a team lead, who
 * gets the assign forms) over the real ticket service and the local Cosmos stand-in, first with 50
 * open tickets, then with 5,000, in the same run. Each page's handler is timed from the request to
 * the finished HTML, requests interleaved so that drift on the machine falls on both alike; the
 * session layer and the Functions host around them are not part of the figure. Target: 300 ms at
 * p99 with 5,000 open tickets.
 */
import os from 'node:os';
import { HttpRequest, type HttpResponseInit } from '@azure/functions';
import type { StaffPrincipal } from '../shared/auth/staff-token';
import { ticketApiPort } from '../shared/http-api/app-ticket-api';
import { myWorkPage, queuePage } from '../shared/web/staff/console-pages';
import { TICKETS_CONTAINER } from '../shared/store/containers';
import { openTicketIndex } from '../shared/store/open-ticket-index';
import { consolePort } from '../shared/web/staff/console-port';
import type { StaffPageHandler, StaffSession } from '../shared/web/staff/staff-session';
import { ManualClock, startTicketServiceFixture } from '../test/integration/ticket-service/support/ticket-service-fixture';
import { ARJUN_PRINCIPAL, MARIA_PRINCIPAL, NOW, ORG } from '../test/unit/web/staff/support/console-tickets';
import { backlogTicket } from './backlog-tickets';

const SAMPLES = Number(process.env['BENCH_CONSOLE_SAMPLES'] ?? 100);
const WARM_UP = 5;
const TARGET_MS = 300;
const BACKLOGS = [50, 5_000] as const;
const CREATED_TOGETHER = 25;

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((first, second) => first - second);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

function session(principal: StaffPrincipal): StaffSession {
  return { principal, csrfToken: 'bench-csrf-token-0000000000', expiresAt: '2026-11-24T15:00:00.000Z' };
}

async function timed(handler: StaffPageHandler, path: string, principal: StaffPrincipal): Promise<number> {
  const started = performance.now();
  const response: HttpResponseInit = await handler(new HttpRequest({ url: `http://127.0.0.1:7071${path}`, method: 'GET', headers: {} }), session(principal));
  if (response.status !== 200 || typeof response.body !== 'string') throw new Error(`${path} answered ${String(response.status)}`);
  return performance.now() - started;
}

interface PageFigures {
  readonly p50: number;
  readonly p99: number;
}

interface BacklogMeasure {
  readonly openTickets: number;
  readonly myWork: PageFigures;
  readonly queue: PageFigures;
  /** What the open-ticket index pays to fill itself, and to catch up with one change. */
  readonly fullLoadMs: number;
  readonly catchUpMs: number;
  readonly load: string;
}

const CATCH_UPS = 5;

export async function run(): Promise<void> {
  const fixture = await startTicketServiceFixture();
  try {
    const { services, databaseId } = fixture.services({ clock: new ManualClock(NOW) });
    const setup = await services.ensureStore();
    if (setup.kind !== 'ready') throw new Error('the store could not be set up');
    const port = consolePort(services, ticketApiPort(services, undefined));
    const myWork = myWorkPage(port);
    const queue = queuePage(port);
    const measures: BacklogMeasure[] = [];
    let created = 0;
    for (const openTickets of BACKLOGS) {
      for (; created < openTickets; created += CREATED_TOGETHER) {
        const batch = Array.from({ length: Math.min(CREATED_TOGETHER, openTickets - created) }, (_, offset) => backlogTicket(created + offset));
        const results = await Promise.all(batch.map((ticket) => services.repository.create(ticket, { org: ORG, now: NOW })));
        const failed = results.find((result) => result.kind !== 'created');
        if (failed !== undefined) throw new Error(`seeding failed: ${JSON.stringify(failed)}`);
      }
      for (let index = 0; index < WARM_UP; index += 1) {
        await timed(myWork, '/staff', MARIA_PRINCIPAL);
        await timed(queue, '/staff/queue', ARJUN_PRINCIPAL);
      }
      const times = { myWork: [] as number[], queue: [] as number[] };
      for (let index = 0; index < SAMPLES; index += 1) {
        const order = index % 2 === 0 ? (['myWork', 'queue'] as const) : (['queue', 'myWork'] as const);
        for (const page of order) {
          times[page].push(page === 'myWork' ? await timed(myWork, '/staff', MARIA_PRINCIPAL) : await timed(queue, '/staff/queue', ARJUN_PRINCIPAL));
        }
      }
      const figures = (values: readonly number[]): PageFigures => ({ p50: percentile(values, 0.5), p99: percentile(values, 0.99) });
      // The index's own reads, on an index of its own: the store work behind a page's answer.
      const index = openTicketIndex(services.cosmosClient.database(databaseId).container(TICKETS_CONTAINER), { freshnessMs: 0 });
      let started = performance.now();
      await index.summaries();
      const fullLoadMs = performance.now() - started;
      const catchUps: number[] = [];
      for (let round = 0; round < CATCH_UPS; round += 1) {
        index.invalidate();
        started = performance.now();
        await index.summaries();
        catchUps.push(performance.now() - started);
      }
      measures.push({
        openTickets,
        myWork: figures(times.myWork),
        queue: figures(times.queue),
        fullLoadMs,
        catchUpMs: percentile(catchUps, 0.5),
        load: os.loadavg().map((value) => value.toFixed(1)).join(' '),
      });
    }
    const small = measures[0];
    const large = measures[measures.length - 1];
    if (small === undefined || large === undefined) return;
    const line = (label: string, value: string): string => `  ${label.padEnd(36)} ${value}`;
    const page = (name: string, pick: (measure: BacklogMeasure) => PageFigures): string[] => [
      ...measures.map((measure) =>
        line(`${name}, ${String(measure.openTickets)} open`, `p50 ${pick(measure).p50.toFixed(1)} ms, p99 ${pick(measure).p99.toFixed(1)} ms (load average ${measure.load})`),
      ),
      line(`${name}, p99 at ${String(large.openTickets)} / at ${String(small.openTickets)}`, `${(pick(large).p99 / pick(small).p99).toFixed(2)}×`),
      line(`${name}, p99 / target (${String(TARGET_MS)} ms)`, `${(pick(large).p99 / TARGET_MS).toFixed(2)} (at most 1.00)`),
    ];
    console.log(
      [
        '',
        `Staff console list pages (${String(SAMPLES)} requests each, interleaved; ${String(os.cpus().length)} cores, Node ${process.version}; load average 1/5/15 min)`,
        ...page('My work', (measure) => measure.myWork),
        ...page('Queue', (measure) => measure.queue),
        ...measures.map((measure) =>
          line(
            `index reads, ${String(measure.openTickets)} open`,
            `filling ${measure.fullLoadMs.toFixed(1)} ms, catching up ${measure.catchUpMs.toFixed(1)} ms (median of ${String(CATCH_UPS)}; the stand-in evaluates every document for each query)`,
          ),
        ),
        '',
      ].join('\n'),
    );
  } finally {
    await fixture.stop();
  }
}
