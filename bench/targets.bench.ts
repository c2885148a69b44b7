/**
 * The performance targets, each as a ratio measured in one run on the offline stack on the real
 * clock with the sample organisation (`npm run bench targets`):
 * - intake over HTTP against raw creates of the same Cosmos stand-in, at 16 and 64 concurrent
 *   requests (target ≥ 0.25×, p99 < 250 ms at 16);
 * - host CPU per fresh intake, its lifecycle up to assignment included (target ≤ 8 ms), with every
 *   request the app made per intake by kind (see `intake-requests.ts`) and each process's CPU;
 * - GET /api/queue with at least 5,000 stored tickets (target p99 < 100 ms), timed once the app is
 *   idle again (no ticket before assignment, no email or card waiting in the outbox, the processes
 *   back to their idle CPU), from a client process of its own as `npm run bench -- queue` does,
 *   with the CPU one request cost in each process;
 * - full lifecycles per second (intake, assignment, acknowledge, respond, propose, confirm, closed)
 *   against their store-bound ceiling: raw store operations per second of the same stand-in ÷ the
 *   store operations counted per lifecycle (target ≥ 0.5×).
 * The app and the raw operations both reach the stand-in through the counting proxy, so both pay
 * its hop. The machine is shared: the load average is printed beside every figure.
 */
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import { CosmosClient, type Container, type Database } from '@azure/cosmos';
import { cosmosClientOptionsForStandIn } from '../infra/local/services/cosmos-standin';
import type { RunningDevIssuer } from '../infra/local/identity/dev-issuer';
import { SETTING } from '../shared/config/settings';
import { OrgConfigSchema } from '../shared/domain/org/org-config';
import { sampleOrgConfig } from '../shared/domain/org/sample/sample-org';
import type { IntakeAnswer } from '../shared/intake/intake-answer';
import { BATON_DATABASE, OUTBOX_CONTAINER, TICKETS_CONTAINER } from '../shared/store/containers';
import { startLifecycleStack, type LifecycleStack, type StaffMember } from '../test/e2e/lifecycle/support/lifecycle-stack';
import { sampleIntakeBody } from '../test/integration/ticket-service/support/sample-intake';
import { describeRequests, startIntakeRequestCounters, type IntakeRequestCounters } from './intake-requests';
import { startStoreCounter, type StoreCounter } from './lifecycle-store-counter';
import { cpuMsOf, cpuPer, stackCpu, workerPids } from './process-cpu';
import { startLoadClient } from './queue-load';

const CONCURRENCIES = [16, 64] as const;
const INTAKE_REQUESTS = Number(process.env['BENCH_TARGET_INTAKES'] ?? 256);
const RAW_OPERATIONS = Number(process.env['BENCH_TARGET_RAW_OPERATIONS'] ?? 2_600);
const STORED_TICKETS = 5_000;
const QUEUE_REQUESTS = Number(process.env['BENCH_TARGET_QUEUE_REQUESTS'] ?? 256);
const CPU_INTAKES = Number(process.env['BENCH_TARGET_CPU_INTAKES'] ?? 48);
/** Bounded by the sample roster's capacity for Severity A work on shift: more would wait for an engineer. */
const LIFECYCLES = Number(process.env['BENCH_TARGET_LIFECYCLES'] ?? 16);
/** Which parts to run (`BENCH_TARGET_PARTS=cpu` for the intake's cost alone); all by default. */
const PARTS = new Set((process.env['BENCH_TARGET_PARTS'] ?? 'lifecycles,cpu,intake,queue').split(',').map((part) => part.trim()));
const BEFORE_ASSIGNMENT = new Set(['received', 'validating']);

interface Timings {
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly failures: number;
}

const load = (): string => os.loadavg().map((value) => value.toFixed(1)).join(' ');
const line = (label: string, value: string): void => console.log(`  ${label.padEnd(48)} ${value}`);

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? Number.NaN;
}

/** Runs `work(index)` `count` times, `concurrency` at a time; `work` answers whether it succeeded. */
async function timed(count: number, concurrency: number, work: (index: number) => Promise<boolean>): Promise<Timings> {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next;
        next += 1;
        const sent = performance.now();
        const ok = await work(index).catch(() => false);
        latencies.push(performance.now() - sent);
        if (!ok) failures += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: count / seconds, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), failures };
}

function describe(timings: Timings): string {
  return `${timings.perSecond.toFixed(1)}/s, p50 ${timings.p50.toFixed(0)} ms, p99 ${timings.p99.toFixed(0)} ms${timings.failures > 0 ? `, ${String(timings.failures)} failed` : ''}`;
}

function intakeBody(tag: string, index: number): Record<string, unknown> {
  return sampleIntakeBody({
    severity: 'A',
    requester: { name: 'Ana Silva', email: `${tag}-${String(index)}@contoso.com`, timeZone: 'Europe/Lisbon', available24x7: true },
  });
}

async function statuses(tickets: Container, numbers: readonly string[]): Promise<string[]> {
  const { resources } = await tickets.items
    .query<{ status: string }>({ query: 'SELECT c.status FROM c WHERE ARRAY_CONTAINS(@numbers, c.ticketNumber)', parameters: [{ name: '@numbers', value: [...numbers] }] })
    .fetchAll();
  return resources.map((row) => row.status);
}

/** Until every ticket's lifecycle is past validation and assignment was tried (or the time is up). */
async function untilPastAssignment(tickets: Container, numbers: readonly string[], timeoutMs: number): Promise<Map<string, number>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = await statuses(tickets, numbers);
    const pending = seen.filter((status) => BEFORE_ASSIGNMENT.has(status) || status === 'triaged').length;
    if ((pending === 0 && seen.length === numbers.length) || Date.now() > deadline) {
      const tally = new Map<string, number>();
      for (const status of seen) tally.set(status, (tally.get(status) ?? 0) + 1);
      return tally;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Until every ticket is past validation (or the time is up); the statuses they reached. */
async function untilValidated(tickets: Container, numbers: readonly string[], timeoutMs: number): Promise<Map<string, number>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = await statuses(tickets, numbers);
    const pending = seen.filter((status) => BEFORE_ASSIGNMENT.has(status)).length;
    if ((pending === 0 && seen.length === numbers.length) || Date.now() > deadline) {
      const tally = new Map<string, number>();
      for (const status of seen) tally.set(status, (tally.get(status) ?? 0) + 1);
      return tally;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Until the processes spend no more than their idle rate (plus a margin) over a whole second. */
async function untilIdle(cpu: () => number, idleMsPerMs: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const before = cpu();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    if (cpu() - before <= idleMsPerMs * 1_000 + 30) return;
  }
}

/** What the processes spend doing nothing (their timers), in ms of CPU per ms, over 5 s. */
async function idleRate(cpu: () => number): Promise<number> {
  const from = cpu();
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  return (cpu() - from) / (performance.now() - started);
}

/** The host process and its worker processes: the Functions host, as an Azure instance runs it. */
interface HostProcesses {
  readonly hostPid: number;
  readonly workers: readonly number[];
  /** Their CPU so far, together, in ms. */
  cpu(): number;
}

async function hostProcesses(stack: LifecycleStack['stack']): Promise<HostProcesses> {
  const hostPid = stack.hostPid();
  if (hostPid === undefined) throw new Error('the host runs in no child process');
  const workers = await workerPids(stack);
  return { hostPid, workers, cpu: () => [hostPid, ...workers].reduce((sum, each) => sum + cpuMsOf(each), 0) };
}

async function countOf(container: Container, query: string): Promise<number> {
  const { resources } = await container.items.query<number>(query).fetchAll();
  return resources[0] ?? 0;
}

/**
 * Until the app has no work left from the parts before (no ticket before assignment, no email or
 * card pending in the outbox) and its processes are back to their idle CPU, or the time is up;
 * what was still pending then. `store` must reach the stand-in directly.
 */
async function untilAppIdle(store: Database, processes: HostProcesses, idleMsPerMs: number, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  const pending = async (): Promise<{ tickets: number; messages: number }> => ({
    tickets: await countOf(store.container(TICKETS_CONTAINER), "SELECT VALUE COUNT(1) FROM c WHERE c.status IN ('received', 'validating', 'triaged')"),
    messages: await countOf(store.container(OUTBOX_CONTAINER), "SELECT VALUE COUNT(1) FROM c WHERE c.status = 'pending'"),
  });
  let left = await pending();
  while ((left.tickets > 0 || left.messages > 0) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    left = await pending();
  }
  await untilIdle(() => processes.cpu(), idleMsPerMs, Math.max(0, deadline - Date.now()));
  return `${String(left.tickets)} tickets before assignment, ${String(left.messages)} outbox messages pending`;
}

/**
 * `tickets` must reach the stand-in directly: the bench's own polling is not the app's requests.
 * Counted from the first intake until the processes are idle again, so the app's timers in that
 * stretch are in the counts too (a few query pages, spread over the intakes).
 */
async function hostCpuPerIntake(lifecycle: LifecycleStack, tickets: Container, requests: IntakeRequestCounters): Promise<void> {
  const processes = await hostProcesses(lifecycle.stack);
  const { hostPid: pid, workers } = processes;
  const hostOnly = (): number => cpuMsOf(pid);
  const withWorkers = (): number => processes.cpu();
  // What the processes cost doing nothing (their timers), to take off the measured stretch.
  const idleFrom = { host: hostOnly(), all: withWorkers() };
  const idleStarted = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const idleElapsed = performance.now() - idleStarted;
  const idleHostMsPerMs = (hostOnly() - idleFrom.host) / idleElapsed;
  const idleMsPerMs = (withWorkers() - idleFrom.all) / idleElapsed;

  const perProcess = (): number[] => [pid, ...workers, requests.azurite.pid].map(cpuMsOf);
  await requests.start(lifecycle.stack.urls.host);
  const before = { host: hostOnly(), all: withWorkers(), each: perProcess() };
  const started = performance.now();
  const numbers: string[] = [];
  await timed(CPU_INTAKES, 16, async (index) => {
    numbers.push((await lifecycle.openTicket(intakeBody('cpu', index))).ticketNumber);
    return true;
  });
  const tally = await untilValidated(tickets, numbers, 120_000);
  // Assignment follows validation within the same few turns: done once the processes are back to idle.
  await untilIdle(withWorkers, idleMsPerMs, 60_000);
  const elapsed = performance.now() - started;
  const spent = withWorkers() - before.all - idleMsPerMs * elapsed;
  const spentByHost = hostOnly() - before.host - idleHostMsPerMs * elapsed;
  const eachAfter = perProcess();
  const byProcess = ['host', ...workers.map((_, index) => `worker ${String(index + 1)}`), 'Azurite (task hub)']
    .map((name, index) => `${name} ${(((eachAfter[index] ?? 0) - (before.each[index] ?? 0)) / CPU_INTAKES).toFixed(1)}`)
    .join(', ');
  const counted = await requests.perUnit(lifecycle.stack.urls.host, CPU_INTAKES);
  const queries = requests.queriesPerUnit(CPU_INTAKES);
  console.log(`\nHost CPU per fresh intake, its lifecycle up to assignment included (${String(CPU_INTAKES)} Severity A intakes, 16 concurrent; load ${load()}):`);
  line('host CPU per intake', `${(spent / CPU_INTAKES).toFixed(1)} ms (target ≤ 8 ms; host process and its ${String(workers.length)} worker processes; idle ${(idleMsPerMs * 1000).toFixed(0)} ms per s taken off)`);
  line('  of which the host process', `${(spentByHost / CPU_INTAKES).toFixed(1)} ms (HTTP, Durable emulator, routing to the workers)`);
  line('  by process, idle not taken off (ms per intake)', byProcess);
  console.log(`  requests per intake by kind (the app's, from the first intake until idle, ${(elapsed / 1000).toFixed(1)} s; its timers included):`);
  for (const group of describeRequests(counted)) console.log(`    ${group}`);
  const kilobytes = [...requests.cosmosKilobytesPerUnit(CPU_INTAKES)].map(([kind, { sent, received }]) => `${kind} ${sent.toFixed(1)} / ${received.toFixed(1)}`);
  console.log(`  Cosmos kilobytes per intake, sent / received: ${kilobytes.join(', ')}`);
  console.log('  queries per intake, by text:');
  for (const [text, count] of queries) console.log(`    ${count.toFixed(2)} ${text}`);
  line('statuses once every ticket was validated', [...tally].map(([status, count]) => `${String(count)} ${status}`).join(', '));
}

/** Raw creates of ticket-sized documents, straight to the same stand-in: the store's own ceiling. */
async function rawCreates(tickets: Container, template: Record<string, unknown>, count: number, concurrency: number): Promise<Timings> {
  return timed(count, concurrency, async () => {
    const number = `BTN-RAW-${randomUUID()}`;
    await tickets.items.create({ ...template, id: number, ticketNumber: number });
    return true;
  });
}

/** Raw point reads and replaces of those documents: the ops a lifecycle's store work is made of. */
async function rawReadsAndReplaces(tickets: Container, numbers: readonly string[], count: number, concurrency: number): Promise<Timings> {
  return timed(count, concurrency, async (index) => {
    const number = numbers[index % numbers.length] ?? '';
    const { resource, etag } = await tickets.item(number, number).read<Record<string, unknown>>();
    if (resource === undefined) return false;
    await tickets.item(number, number).replace({ ...resource, updatedAt: new Date().toISOString() }, { accessCondition: { type: 'IfMatch', condition: etag } });
    return true;
  });
}

async function fullLifecycle(lifecycle: LifecycleStack, tickets: Container, index: number): Promise<boolean> {
  const answer: IntakeAnswer = await lifecycle.openTicket(intakeBody('lifecycle', index));
  const number = answer.ticketNumber;
  let assignee: StaffMember | undefined;
  for (let attempt = 0; attempt < 600 && assignee === undefined; attempt += 1) {
    const ticket = await lifecycle.ticket(number);
    if (ticket.assignee !== undefined) assignee = { id: ticket.assignee.engineerId, name: ticket.assignee.name, email: ticket.assignee.email, roles: ['engineer'] };
    else await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (assignee === undefined) return false;
  for (const body of [
    { type: 'acknowledge', message: 'On it.' },
    { type: 'respond', message: 'The policy excludes the range now.' },
    { type: 'propose-resolution', summary: 'Fixed in the conditional access policy.' },
  ]) {
    if (!(await lifecycle.staff(assignee, number, body)).ok) return false;
  }
  if (!(await lifecycle.requester(answer, 'resolution/confirm')).ok) return false;
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if ((await statuses(tickets, [number]))[0] === 'closed') return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

async function lifecyclesAgainstCeiling(lifecycle: LifecycleStack, counter: StoreCounter, tickets: Container, rawOpsPerSecond: number, concurrency: number): Promise<void> {
  counter.reset();
  const timings = await timed(LIFECYCLES, concurrency, (index) => fullLifecycle(lifecycle, tickets, concurrency * 1000 + index));
  // Only the app's own work on these tickets: the bench's polling and the timers are left out.
  const perLifecycle = counter.operations().filter((operation) => operation.ticketNumber !== undefined && operation.kind !== 'read').length / LIFECYCLES;
  const reads = counter.operations().filter((operation) => operation.ticketNumber !== undefined && operation.kind === 'read').length / LIFECYCLES;
  const ceiling = rawOpsPerSecond / (perLifecycle + reads);
  line(`${String(concurrency)} concurrent`, `${timings.perSecond.toFixed(2)} lifecycles/s (${describe(timings)}); load ${load()}`);
  line('  store operations counted per lifecycle', `${(perLifecycle + reads).toFixed(0)} on its ticket and emails (${reads.toFixed(0)} of them point reads)`);
  line('  store-bound ceiling', `${ceiling.toFixed(2)} lifecycles/s = ${rawOpsPerSecond.toFixed(0)} raw store ops/s ÷ ${(perLifecycle + reads).toFixed(0)}`);
  line('  ratio to the ceiling', `${(timings.perSecond / ceiling).toFixed(2)}× (target ≥ 0.5×)`);
}

async function lifecyclesPart(lifecycle: LifecycleStack, counter: StoreCounter, tickets: Container): Promise<void> {
  // First, while every engineer has room: the sample roster takes a bounded number of tickets at once.
  console.log(`\nFull lifecycles (${String(LIFECYCLES)} each: intake, assignment, acknowledge, respond, propose, confirm, closed) against their store-bound ceiling:`);
  const numbers = (await tickets.items.query<string>('SELECT TOP 200 VALUE c.ticketNumber FROM c WHERE STARTSWITH(c.ticketNumber, "BTN-RAW-")').fetchAll()).resources;
  for (const concurrency of CONCURRENCIES) {
    const mix = await rawReadsAndReplaces(tickets, numbers, RAW_OPERATIONS / 2, concurrency);
    // A lifecycle's store work is mostly a point read and a guarded replace at a time: a pair is two operations.
    const rawOpsPerSecond = mix.perSecond * 2;
    line(`${String(concurrency)} concurrent: raw store ops`, `${rawOpsPerSecond.toFixed(0)}/s (point read + guarded replace of a ticket-sized document, ${mix.perSecond.toFixed(0)} pairs/s); load ${load()}`);
    await lifecyclesAgainstCeiling(lifecycle, counter, tickets, rawOpsPerSecond, concurrency);
  }
}

async function intakePart(lifecycle: LifecycleStack, tickets: Container, copy: Record<string, unknown>): Promise<void> {
  console.log(`\nIntake over HTTP against raw creates of the same store (Severity A, lifecycles running behind; the app in ${String((await workerPids(lifecycle.stack)).length)} worker processes):`);
  for (const concurrency of CONCURRENCIES) {
    const intake = await timed(INTAKE_REQUESTS, concurrency, async (index) => Boolean((await lifecycle.openTicket(intakeBody(`intake-${String(concurrency)}`, index))).ticketNumber));
    const raw = await rawCreates(tickets, copy, RAW_OPERATIONS, concurrency);
    line(`${String(concurrency)} concurrent: intake over HTTP`, `${describe(intake)}; load ${load()}`);
    line(`${String(concurrency)} concurrent: raw creates`, `${describe(raw)}; load ${load()}`);
    line(`${String(concurrency)} concurrent: ratio`, `${(intake.perSecond / raw.perSecond).toFixed(2)}× (target ≥ 0.25×${concurrency === 16 ? `; p99 target < 250 ms: ${intake.p99 < 250 ? 'met' : 'not met'}` : ''})`);
  }
}

/**
 * Timed from a client process of its own (`queue-load.ts`), as `npm run bench -- queue` does: a
 * client on this thread made the stand-in's answers (and the counting proxy's) wait behind its own
 * HTTP work. And only once the app is idle: right after intake, its emails, cards and lifecycle
 * steps were still running and took the CPU the answers need.
 */
async function queuePart(lifecycle: LifecycleStack, tickets: Container, direct: Database, copy: Record<string, unknown>, identity: RunningDevIssuer, idleMsPerMs: number): Promise<void> {
  const stored = await countOf(tickets, 'SELECT VALUE COUNT(1) FROM c');
  if (stored < STORED_TICKETS) await rawCreates(tickets, copy, STORED_TICKETS - stored, 64);
  const lead = await identity.mintToken({ id: 'daniel-brooks', name: 'Daniel Brooks', email: 'daniel.brooks@css.example', roles: ['team-lead'] });
  const processes = await hostProcesses(lifecycle.stack);
  const waitStarted = performance.now();
  const left = await untilAppIdle(direct, processes, idleMsPerMs, 300_000);
  console.log(`\nGET /api/queue with ${String(Math.max(stored, STORED_TICKETS))} stored tickets (a team lead's token; from a client process of its own, once the app was idle: ${((performance.now() - waitStarted) / 1000).toFixed(0)} s waited, then ${left}):`);
  const client = startLoadClient();
  try {
    const cpu = (): ReturnType<typeof stackCpu> => stackCpu(processes.hostPid, processes.workers, client.pid);
    const send = (concurrency: number): ReturnType<typeof client.send> => client.send({ urls: [`${lifecycle.stack.urls.host}/api/queue`], token: lead, concurrency, requests: QUEUE_REQUESTS });
    // Not counted: the client's own start (its TypeScript, its connections) would weigh on the first figures.
    await send(16);
    for (const concurrency of CONCURRENCIES) {
      const before = cpu();
      const answer = await send(concurrency);
      const cost = cpuPer(before, cpu(), QUEUE_REQUESTS);
      const latencies = [...answer.latencies].sort((first, second) => first - second);
      const failures = answer.statuses.filter(([status]) => status !== 200).reduce((sum, [, count]) => sum + count, 0);
      const timings: Timings = { perSecond: QUEUE_REQUESTS / answer.seconds, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), failures };
      const answered = answer.statuses.map(([status, count]) => `${String(status)} × ${String(count)}`).join(', ');
      line(`${String(concurrency)} concurrent`, `${describe(timings)} (target p99 < 100 ms; answers ${answered}); load ${load()}`);
      line(
        '  CPU per request',
        `host ${cost.hostMs.toFixed(2)} ms, workers ${cost.workersMs.toFixed(2)} ms (${String(processes.workers.length)}), this process (Cosmos stand-in, counting proxy) ${cost.ownMs.toFixed(2)} ms, client ${cost.clientMs.toFixed(2)} ms`,
      );
    }
  } finally {
    client.stop();
  }
}

export async function run(): Promise<void> {
  const counter = await startStoreCounter();
  const requests = await startIntakeRequestCounters(counter);
  const lifecycle = await startLifecycleStack({
    org: OrgConfigSchema.parse(sampleOrgConfig),
    settings: { BATON_COSMOS_ENDPOINT: counter.endpoint, [SETTING.intakeLimitPerClientAddress]: '1000000', ...requests.settings },
    prepare: (stack) => {
      counter.forwardTo(stack.services.cosmos?.endpoint ?? '');
      requests.prepare(stack);
    },
  });
  const cosmos = lifecycle.stack.services.cosmos;
  const identity = lifecycle.stack.services.identity;
  if (cosmos === undefined || identity === undefined) throw new Error('the targets need the Cosmos stand-in and the dev issuer');
  const client = new CosmosClient(cosmosClientOptionsForStandIn(counter.endpoint, cosmos.key));
  const tickets = client.database(BATON_DATABASE).container(TICKETS_CONTAINER);
  // For the bench's polling where only the app's requests are counted.
  const direct = new CosmosClient(cosmosClientOptionsForStandIn(cosmos.endpoint, cosmos.key));
  try {
    console.log(`\nPerformance targets (${String(os.cpus().length)} cores, Node ${process.version}; load average 1/5/15 min beside each figure)`);
    const warmUp = await lifecycle.openTicket(intakeBody('warm-up', 0));
    await untilPastAssignment(tickets, [warmUp.ticketNumber], 60_000);
    const { resource: template } = await tickets.item(warmUp.ticketNumber, warmUp.ticketNumber).read<Record<string, unknown>>();
    if (template === undefined) throw new Error('the warm-up ticket was not stored');
    // Stored copies must never look due to the watchdog or the intake repair; the store's own fields go.
    const { _rid: _rid, _self: _self, _etag: _etag, _ts: _ts, _attachments: _attachments, notificationDebt: _debt, ...fields } = template;
    // Their assignee is nobody on the roster, so they take no engineer's capacity from the lifecycles measured.
    const nobody = { engineerId: 'bench-stored-copy', name: 'Stored copy', email: 'stored.copy@css.example', region: 'EMEA' };
    const copy = { ...fields, assignee: nobody, lifecycleDueAt: '9999-12-31T23:59:59.999Z' };
    await rawCreates(tickets, copy, 200, 16);
    // The queue is timed once the processes are back to what they spend doing nothing, measured here.
    const idleMsPerMs = PARTS.has('queue') ? await idleRate((await hostProcesses(lifecycle.stack)).cpu) : 0;

    if (PARTS.has('lifecycles')) await lifecyclesPart(lifecycle, counter, tickets);
    if (PARTS.has('cpu')) await hostCpuPerIntake(lifecycle, direct.database(BATON_DATABASE).container(TICKETS_CONTAINER), requests);
    if (PARTS.has('intake')) await intakePart(lifecycle, tickets, copy);
    if (PARTS.has('queue')) await queuePart(lifecycle, tickets, direct.database(BATON_DATABASE), copy, identity, idleMsPerMs);
  } finally {
    client.dispose();
    direct.dispose();
    await lifecycle.stop();
    await requests.stop();
    await counter.stop();
  }
}
