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
import type { Command } from '../shared/domain/commands/commands';
import { receiveTicket } from '../shared/domain/commands/receive-ticket';
import type { EngineerRef } from '../shared/domain/ticket/engineer-ref';
import type { Ticket } from '../shared/domain/ticket/ticket';
import { ticketApiPort } from '../shared/http-api/app-ticket-api';
import { myWorkPage, queuePage } from '../shared/web/staff/console-pages';
import { TICKETS_CONTAINER } from '../shared/store/containers';
import { openTicketIndex } from '../shared/store/open-ticket-index';
import { consolePort } from '../shared/web/staff/console-port';
import type { StaffPageHandler, StaffSession } from '../shared/web/staff/staff-session';
import { ManualClock, startTicketServiceFixture } from '../test/integration/ticket-service/support/ticket-service-fixture';
import { minimalBrief } from '../test/unit/domain/support/handoff-fixtures';
import { applyCommands, storyIntake, SYSTEM } from '../test/unit/http-api/support/ticket-story';
import { ARJUN_PRINCIPAL, MARIA_PRINCIPAL, NOW, ORG } from '../test/unit/web/staff/support/console-tickets';

const SAMPLES = Number(process.env['BENCH_CONSOLE_SAMPLES'] ?? 100);
const WARM_UP = 5;
const TARGET_MS = 300;
const BACKLOGS = [50, 5_000] as const;
const MARIAS_TICKETS = 20;
const CREATED_TOGETHER = 25;

const ENGINEERS: readonly EngineerRef[] = ORG.roster.engineers.map((engineer) => ({ engineerId: engineer.id, name: engineer.name, email: engineer.email, region: engineer.region }));
const MARIA = ENGINEERS.find((engineer) => engineer.engineerId === 'maria-garcia');
const OTHERS = ENGINEERS.filter((engineer) => engineer.engineerId !== 'maria-garcia');
const CUSTOMERS = ORG.contracts.map((contract) => ({ contractId: contract.id, company: contract.company, tenant: contract.tenantDomains[0] ?? 'example.onmicrosoft.com' }));
const QUEUES = ['identity-and-devices', 'collaboration', 'azure-infrastructure'] as const;
const SEVERITIES = ['A', 'B', 'B', 'C', 'C'] as const;

/** The index-th ticket of a varied backlog: customers, queues, severities, assignees, ages and stages mixed. */
function backlogTicket(index: number): Ticket {
  const customer = CUSTOMERS[index % CUSTOMERS.length] ?? CUSTOMERS[0];
  const severity = SEVERITIES[index % SEVERITIES.length] ?? 'C';
  const receivedAt = new Date(Date.parse(NOW) - ((index * 37) % (3 * 24 * 60)) * 60_000).toISOString();
  const { ticket } = receiveTicket({
    ticketNumber: `BTN-20261124-${String(index).padStart(5, '0')}`,
    intake: storyIntake({
      severity,
      company: customer?.company,
      tenantDomain: customer?.tenant,
      title: `Backlog request ${String(index)}: ${['sign-in failures', 'mail delays', 'VPN drops', 'policy not applied'][index % 4] ?? ''}`,
      requester: { name: 'Bench Requester', email: `bench-${String(index)}@contoso.com`, timeZone: 'Europe/London', available24x7: true },
    }),
    accessTokenHash: 'h'.repeat(43),
    receivedAt,
  });
  const engineer = index < MARIAS_TICKETS ? MARIA : index % 10 === 5 ? undefined : OTHERS[index % OTHERS.length];
  const commands: Command[] = [
    { type: 'start-validation', actor: SYSTEM },
    { type: 'triage', actor: SYSTEM, slaPolicyId: 'enterprise-emea', queueId: QUEUES[index % QUEUES.length] ?? 'identity-and-devices', contractId: customer?.contractId ?? 'contoso-unified' },
  ];
  if (engineer === undefined) return applyCommands(ticket, commands);
  commands.push({ type: 'assign', actor: SYSTEM, engineer });
  const actor = { role: 'engineer' as const, id: engineer.engineerId, name: engineer.name };
  if (index % 3 === 0) commands.push({ type: 'acknowledge', actor, message: 'Looking into it.' });
  if (index % 9 === 0) commands.push({ type: 'request-info', actor, message: 'Which users are affected?' });
  const assigned = applyCommands(ticket, commands);
  // Every fiftieth ticket was handed on at a shift end; one of them to María, who has not acknowledged it.
  const handedTo = index === MARIAS_TICKETS ? MARIA : index % 50 === 1 ? OTHERS[(index + 1) % OTHERS.length] : undefined;
  if (handedTo === undefined || handedTo.engineerId === engineer.engineerId) return assigned;
  return applyCommands(assigned, [{ type: 'handoff', actor: SYSTEM, toEngineer: handedTo, brief: minimalBrief(assigned) }]);
}

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
