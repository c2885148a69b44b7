/**
 * The safety net behind every change after intake: tickets that have owed emails for longer than
 * a writer needs to queue them (its enqueue failed, or the process died after the ticket write)
 * get those emails planned again from their timeline and queued, under the same message ids, so an
 * email that did reach the outbox is not queued twice. One indexed query a round: a ticket that
 * owes nothing is not in its answer and costs nothing.
 */
import type { Instant } from '../domain/primitives';
import type { OrgConfigSource } from '../org-config/org-config-source';
import type { StoreFailure } from '../store/store-failure';
import { payNotificationDebt, type DebtPaymentDependencies } from './pay-notification-debt';
import type { TicketRepository } from '../store/ticket-repository';
import type { TicketNotifier } from './ticket-notifier';

/**
 * A writer settles its debt within moments, and a retried activity within about a minute; the
 * sweep comes after both, so it rarely races them (and a race only costs idempotent enqueues).
 */
export const NOTIFICATION_DEBT_GRACE_MS = 60_000;
/** The oldest debts first; the rest wait for the next round. */
const SWEEP_BATCH = 100;

export interface DebtSweepReport {
  readonly examined: number;
  /** Tickets whose owed emails are now all in the outbox, and their debt struck off. */
  readonly settled: readonly string[];
  /** Tickets that still owe: the next round tries again. */
  readonly stillOwing: readonly { readonly ticketNumber: string; readonly why: string }[];
  /** Emails that can never be queued (invalid drafts): a bug to look into, not a debt. */
  readonly undeliverable: readonly { readonly ticketNumber: string; readonly id: string; readonly reason: string }[];
  readonly storeFailure?: StoreFailure;
  /** Why the round could not plan the emails (the organisation says who is told). */
  readonly skipped?: string;
}

export interface DebtSweepDependencies extends DebtPaymentDependencies {
  readonly repository: Pick<TicketRepository, 'owingNotifications' | 'settleNotifications'>;
  /** Sends what a payment queued at once: with prompt delivery the notifier queues messages claimed for that send. */
  readonly notify: Pick<TicketNotifier, 'enqueue' | 'deliverPromptly'>;
  readonly orgConfig: OrgConfigSource;
}

const EMPTY: DebtSweepReport = { examined: 0, settled: [], stillOwing: [], undeliverable: [] };

export async function settleNotificationDebts(dependencies: DebtSweepDependencies, now: Date): Promise<DebtSweepReport> {
  const owingSince: Instant = new Date(now.getTime() - NOTIFICATION_DEBT_GRACE_MS).toISOString();
  const owing = await dependencies.repository.owingNotifications(owingSince, SWEEP_BATCH);
  if (owing.kind === 'failed') return { ...EMPTY, storeFailure: owing.failure };
  if (owing.tickets.length === 0) return EMPTY;
  // Without the organisation the team leads and the TAM are unknown: settling then would drop their emails.
  const org = await dependencies.orgConfig();
  if (org.kind !== 'loaded') {
    const why = org.kind === 'failed' ? `organisation configuration: ${org.failure.kind}` : org.kind === 'missing' ? 'no organisation configuration' : org.reason;
    return { ...EMPTY, examined: owing.tickets.length, skipped: why };
  }

  const settled: string[] = [];
  const stillOwing: { ticketNumber: string; why: string }[] = [];
  const undeliverable: { ticketNumber: string; id: string; reason: string }[] = [];
  for (const version of owing.tickets) {
    const ticketNumber = version.stored.ticketNumber;
    const payment = await payNotificationDebt(dependencies, version, org.config);
    await dependencies.notify.deliverPromptly(payment.notifications);
    undeliverable.push(...payment.notifications.undeliverable.map((email) => ({ ticketNumber, ...email })));
    if (payment.settled) settled.push(ticketNumber);
    else {
      const failure = payment.notifications.failed[0];
      stillOwing.push({ ticketNumber, why: failure === undefined ? 'the debt could not be struck off' : `${String(payment.notifications.failed.length)} email(s) not queued: ${failure.reason}` });
    }
  }
  return { examined: owing.tickets.length, settled, stillOwing, undeliverable };
}
