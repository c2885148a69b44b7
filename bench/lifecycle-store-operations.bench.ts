/**
 * Store operations per full Severity A lifecycle (`npm run bench lifecycle`): one ticket from
 * intake to the end of its orchestration on the offline stack and a virtual clock, the app's every
 * Cosmos request counted by a proxy: the ticket's own document operations, its emails in the
 * outbox, and the queries that ran meanwhile (timers, the watchdog, engineer loads). The ticket's
 * operations are set against the design minimum counted from the same lifecycle's record (see
 * `lifecycle-design-minimum.ts` for how).
 */
import { sampleIntakeBody } from '../test/integration/ticket-service/support/sample-intake';
import { staffMember, startLifecycleStack, type LifecycleStack, type StaffMember } from '../test/e2e/lifecycle/support/lifecycle-stack';
import { E2E_ORG } from '../test/e2e/lifecycle/support/e2e-org';
import os from 'node:os';
import { durableWorkItems, hostInvocations, QUERY_PAGE_BASE_RU, SERVERLESS_USD_PER_MILLION_RU, serverlessUsd, totalRequestUnits } from './azure-cost';
import { designMinimum } from './lifecycle-design-minimum';
import { SETTING } from '../shared/config/settings';
import { TeamsWebhooksSchema } from '../shared/teams/teams-webhooks';
import { startStoreCounter, type StoreOperation } from './lifecycle-store-counter';

async function staff(lifecycle: LifecycleStack, member: StaffMember, ticketNumber: string, body: Record<string, unknown>): Promise<void> {
  const response = await lifecycle.staff(member, ticketNumber, body);
  if (!response.ok) throw new Error(`${String(body.type)}: ${String(response.status)} ${await response.text()}`);
}

async function assignee(lifecycle: LifecycleStack, ticketNumber: string): Promise<StaffMember> {
  return staffMember((await lifecycle.ticket(ticketNumber)).assignee?.engineerId ?? '');
}

function tally(operations: readonly StoreOperation[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const operation of operations) {
    const key = `${operation.container || '(account)'} ${operation.kind}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

export async function run(): Promise<void> {
  const counter = await startStoreCounter();
  const lifecycle = await startLifecycleStack({
    startAt: '2026-11-23T12:00:00.000Z',
    settings: { BATON_COSMOS_ENDPOINT: counter.endpoint },
    prepare: (stack) => counter.forwardTo(stack.services.cosmos?.endpoint ?? ''),
  });
  try {
    lifecycle.stack.services.vendor?.script.answerAfter({}, 90 * 60_000, 'We found the fault and are mitigating.');
    await lifecycle.advanceTo('2026-11-23T12:05:00.000Z');
    counter.reset();
    const invocationsAtStart = await hostInvocations(lifecycle.stack.urls.host);
    const started = lifecycle.stack.now().getTime();
    const answer = await lifecycle.openTicket(
      sampleIntakeBody({ severity: 'A', requester: { name: 'Ana Silva', email: 'bench@contoso.com', timeZone: 'Europe/Lisbon', available24x7: true } }),
    );
    const number = answer.ticketNumber;
    await lifecycle.advanceTo('2026-11-23T13:06:00.000Z');
    const first = await assignee(lifecycle, number);
    await staff(lifecycle, first, number, { type: 'acknowledge', message: 'On it.' });
    await staff(lifecycle, first, number, { type: 'handoff-note', summary: 'Policy blocks managed devices.', nextStep: 'Check compliance state.', tried: [] });
    await staff(lifecycle, first, number, { type: 'escalate-to-vendor', justification: 'Token issuance fails in the vendor backend.' });
    await lifecycle.advanceTo('2026-11-23T14:01:00.000Z');
    const second = await assignee(lifecycle, number);
    await staff(lifecycle, second, number, { type: 'acknowledge-handoff' });
    await staff(lifecycle, second, number, { type: 'respond', message: 'Taken over; the vendor is on it.' });
    await lifecycle.advanceTo('2026-11-23T15:00:00.000Z');
    await staff(lifecycle, second, number, { type: 'respond', message: 'The vendor is mitigating.' });
    await lifecycle.advanceTo('2026-11-23T16:01:00.000Z');
    const third = await assignee(lifecycle, number);
    await staff(lifecycle, third, number, { type: 'propose-resolution', summary: 'Fixed by the vendor.' });
    await lifecycle.requester(answer, 'resolution/confirm');
    // The three-hour reopen window, then the orchestration completes (the host sleeps through it).
    const windowStart = lifecycle.stack.now().getTime();
    await lifecycle.advance(0);
    const beforeSleep = durableWorkItems(invocationsAtStart, await hostInvocations(lifecycle.stack.urls.host));
    await lifecycle.quietlyTo('2026-11-23T19:02:00.000Z');
    // The host that woke up counts from zero: what it ran is the end of the lifecycle.
    const afterWake = durableWorkItems({ byFunction: {} }, await hostInvocations(lifecycle.stack.urls.host));
    const status = await lifecycle.lifecycleStatus(number);
    const virtualMinutes = (windowStart - started) / 60_000;

    const operations = counter.operations();
    const ticketOps = operations.filter((operation) => operation.ticketNumber === number);
    const queries = operations.filter((operation) => operation.kind === 'query');
    const ticket = await lifecycle.ticket(number);
    console.log(`\nStore operations per full Sev A lifecycle (${number}, ${String(ticket.timeline.length)} timeline events, orchestration ${String(status)}; ${virtualMinutes.toFixed(0)} virtual minutes with the host up, then the reopen window asleep):`);
    console.log(`  on the ticket's own documents (ticket + its outbox emails): ${String(ticketOps.length)}`, tally(ticketOps));
    const webhooks = TeamsWebhooksSchema.parse(JSON.parse(lifecycle.stack.settings[SETTING.teamsWebhooks] ?? '{}'));
    const minimum = designMinimum(ticket, E2E_ORG, webhooks);
    const onTicket = ticketOps.filter((operation) => operation.container === 'tickets').length;
    const inOutbox = ticketOps.length - onTicket;
    const ratio = (measured: number, least: number): string => `${(measured / least).toFixed(2)}×`;
    console.log(
      `  design minimum (bench/lifecycle-design-minimum.ts): ${String(minimum.total)} = ticket document ${String(minimum.ticketDocument)} ` +
        `(1 create; a read and a replace for each of ${String(minimum.writes.byBaton + minimum.writes.byPeople)} writes, ${String(minimum.writes.byBaton)} by Baton and ${String(minimum.writes.byPeople)} by people or the vendor; ` +
        `${String(minimum.writes.byPeople + 1)} reads by the lifecycle woken by theirs and ending; a replace for each of ${String(minimum.writes.callingForEmails)} writes calling for emails) ` +
        `+ outbox ${String(minimum.outbox)} (a create and a sent mark for each of ${String(minimum.emails)} emails and ${String(minimum.teamsCards)} Teams cards)`,
    );
    console.log(
      `  measured / design minimum: ${ratio(ticketOps.length, minimum.total)} in all; ticket document ${String(onTicket)} / ${String(minimum.ticketDocument)} = ${ratio(onTicket, minimum.ticketDocument)}; ` +
        `outbox ${String(inOutbox)} / ${String(minimum.outbox)} = ${ratio(inOutbox, minimum.outbox)} ` +
        `(the outbox's point reads name no ticket and are left out of both: ${String(operations.filter((operation) => operation.container === 'outbox' && operation.kind === 'read').length)} in this run)`,
    );
    console.log(`  queries meanwhile, by every timer of the app (outbox, watchdog, intake repair) and the engineer loads: ${String(queries.length)} (${(queries.length / virtualMinutes).toFixed(1)} per virtual minute)`, tally(queries));
    console.log(`  every request, metadata included: ${String(operations.length)}`, tally(operations));

    // What it would cost in Azure. The ticket's own operations scale with lifecycles; the timers' queries with time.
    const lifecycleRu = totalRequestUnits(ticketOps);
    const timerRuPerHour = (totalRequestUnits(queries) / virtualMinutes) * 60;
    const durable = { episodes: beforeSleep.episodes + afterWake.episodes, activities: beforeSleep.activities + afterWake.activities, entities: beforeSleep.entities + afterWake.entities };
    const writes = ticketOps.filter((operation) => ['create', 'replace', 'upsert', 'patch'].includes(operation.kind));
    const meanWriteKb = writes.reduce((total, operation) => total + operation.requestBytes, 0) / Math.max(1, writes.length) / 1024;
    console.log(`\nEstimated cost in Azure of that lifecycle (Cosmos DB serverless at USD ${SERVERLESS_USD_PER_MILLION_RU.toFixed(2)} per million RU; load average ${os.loadavg().map((value) => value.toFixed(1)).join(' ')}):`);
    console.log(`  Cosmos DB: ${lifecycleRu.toFixed(0)} RU per lifecycle on its own documents (${String(writes.length)} writes averaging ${meanWriteKb.toFixed(1)} KB at Microsoft's published write charges by size, point reads at 1 RU)`);
    console.log(`  per 1,000 lifecycles: ${((lifecycleRu * 1000) / 1_000_000).toFixed(2)} million RU, USD ${serverlessUsd(lifecycleRu * 1000).toFixed(2)}`);
    console.log(`  the app's timers besides, whatever the load: ${timerRuPerHour.toFixed(0)} RU per hour, USD ${serverlessUsd(timerRuPerHour * 24 * 30).toFixed(2)} per 30 days (query pages assumed at ${QUERY_PAGE_BASE_RU} RU plus 1 RU per KB returned beyond the first: the stand-in reports no charge)`);
    console.log(`  Durable Functions: ${String(durable.episodes)} orchestrator episodes and ${String(durable.activities)} activity executions per lifecycle${durable.entities > 0 ? ` and ${String(durable.entities)} entity operations` : ''}, ${String(durable.episodes + durable.activities + durable.entities)} work items dispatched (what the Durable Task Scheduler bills as actions)`);
  } finally {
    await lifecycle.stop();
    await counter.stop();
  }
}
