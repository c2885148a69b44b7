/**
 * Store operations per full Severity A lifecycle (`npm run bench lifecycle`): one ticket from
 * intake to the end of its orchestration on the offline stack and a virtual clock, the app's every
 * Cosmos request counted by a proxy: the ticket's own document operations, its emails in the
 * outbox, and the queries that ran meanwhile (timers, the watchdog, engineer loads).
 */
import { sampleIntakeBody } from '../test/integration/ticket-service/support/sample-intake';
import { staffMember, startLifecycleStack, type LifecycleStack, type StaffMember } from '../test/e2e/lifecycle/support/lifecycle-stack';
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
    await lifecycle.quietlyTo('2026-11-23T19:02:00.000Z');
    const status = await lifecycle.lifecycleStatus(number);
    const virtualMinutes = (windowStart - started) / 60_000;

    const operations = counter.operations();
    const ticketOps = operations.filter((operation) => operation.ticketNumber === number);
    const queries = operations.filter((operation) => operation.kind === 'query');
    const ticket = await lifecycle.ticket(number);
    console.log(`\nStore operations per full Sev A lifecycle (${number}, ${String(ticket.timeline.length)} timeline events, orchestration ${String(status)}; ${virtualMinutes.toFixed(0)} virtual minutes with the host up, then the reopen window asleep):`);
    console.log(`  on the ticket's own documents (ticket + its outbox emails): ${String(ticketOps.length)}`, tally(ticketOps));
    console.log(`  queries meanwhile, by every timer of the app (outbox, watchdog, intake repair) and the engineer loads: ${String(queries.length)} (${(queries.length / virtualMinutes).toFixed(1)} per virtual minute)`, tally(queries));
    console.log(`  every request, metadata included: ${String(operations.length)}`, tally(operations));
  } finally {
    await lifecycle.stop();
    await counter.stop();
  }
}
