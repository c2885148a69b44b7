/**
 * SLA alert lateness in real time (`npm run bench lifecycle`): on the offline stack running on the
 * real clock, Severity A tickets whose first-response target is one minute (warning at 45 s,
 * breach at 60 s) are left unanswered; for each alert, the time from its due instant to the
 * moment the email stand-in stored the email is measured.
 */
import { OrgConfigSchema } from '../shared/domain/org/org-config';
import { E2E_ORG } from '../test/e2e/lifecycle/support/e2e-org';
import { startLifecycleStack } from '../test/e2e/lifecycle/support/lifecycle-stack';
import { sampleIntakeBody } from '../test/integration/ticket-service/support/sample-intake';

const TICKETS = Number(process.env['BENCH_LATENESS_TICKETS'] ?? 4);
const SPACING_MS = 7_000;

/** The enterprise policy with a one-minute first response on Severity A. */
const ONE_MINUTE_ORG = OrgConfigSchema.parse({
  ...E2E_ORG,
  slaPolicies: E2E_ORG.slaPolicies.map((policy) =>
    policy.id === 'enterprise-emea' ? { ...policy, targets: { ...policy.targets, A: { ...policy.targets.A, firstResponseMinutes: 1 } } } : policy,
  ),
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function summary(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
  return `n=${String(sorted.length)} min ${String(sorted[0])} ms, median ${String(at(0.5))} ms, p90 ${String(at(0.9))} ms, max ${String(sorted[sorted.length - 1])} ms`;
}

export async function run(): Promise<void> {
  const lifecycle = await startLifecycleStack({ org: ONE_MINUTE_ORG });
  try {
    const numbers: string[] = [];
    for (let index = 0; index < TICKETS; index += 1) {
      const answer = await lifecycle.openTicket(
        sampleIntakeBody({ severity: 'A', requester: { name: 'Ana Silva', email: `lateness-${String(index)}@contoso.com`, timeZone: 'Europe/Lisbon', available24x7: true } }),
      );
      numbers.push(answer.ticketNumber);
      await sleep(SPACING_MS);
    }
    await sleep(75_000);
    const lateness: { warning: number[]; breach: number[] } = { warning: [], breach: [] };
    for (const number of numbers) {
      const ticket = await lifecycle.ticket(number);
      const mails = lifecycle.mailAbout(number);
      for (const event of ticket.timeline) {
        if (event.type !== 'sla-warning-raised' && event.type !== 'sla-breached') continue;
        const prefix = event.type === 'sla-breached' ? 'SLA BREACHED' : 'SLA warning';
        const stored = mails.filter((mail) => mail.subject.startsWith(prefix)).map((mail) => Date.parse(mail.storedAt));
        if (stored.length === 0) continue;
        // The first copy out: when the engineer on the ticket could have known.
        lateness[event.type === 'sla-breached' ? 'breach' : 'warning'].push(Math.min(...stored) - Date.parse(event.dueAt));
      }
    }
    console.log('\nSLA alert lateness, due instant → email stored (real clock):');
    console.log(`  warnings: ${summary(lateness.warning)}`);
    console.log(`  breaches: ${summary(lateness.breach)}`);
  } finally {
    await lifecycle.stop();
  }
}
