/**
 * The safety net behind intake: tickets still `received` a while after receipt may have missed
 * their "received" email or their lifecycle (the store went down after the ticket was written, or
 * the orchestration could not be started). Enqueues the email again (idempotent) and starts the
 * lifecycle of each such ticket that has none.
 */
import type { Instant } from '../domain/primitives';
import type { OrgConfig } from '../domain/org/org-config';
import type { StoreFailure } from '../store/store-failure';
import type { LifecycleControl } from './lifecycle-control';
import type { TicketNotifier } from '../email/ticket-notifier';
import type { TicketRepository } from '../store/ticket-repository';

/** Intake normally starts the lifecycle within a second; anything still `received` after this needs help. */
export const REPAIR_GRACE_MS = 60_000;
const REPAIR_BATCH = 50;

export interface RepairReport {
  readonly examined: number;
  readonly started: readonly string[];
  readonly alreadyRunning: readonly string[];
  readonly notStarted: readonly { readonly ticketNumber: string; readonly why: string }[];
  readonly storeFailure?: StoreFailure;
}

export interface RepairDependencies {
  readonly repository: TicketRepository;
  readonly notify: TicketNotifier;
  readonly orgConfig: () => Promise<OrgConfig | undefined>;
}

export async function repairLifecycles(dependencies: RepairDependencies, lifecycle: LifecycleControl, now: Date): Promise<RepairReport> {
  const before: Instant = new Date(now.getTime() - REPAIR_GRACE_MS).toISOString();
  const waiting = await dependencies.repository.awaitingLifecycle(before, REPAIR_BATCH);
  if (waiting.kind === 'failed') return { examined: 0, started: [], alreadyRunning: [], notStarted: [], storeFailure: waiting.failure };
  const org = await dependencies.orgConfig();
  const started: string[] = [];
  const alreadyRunning: string[] = [];
  const notStarted: { ticketNumber: string; why: string }[] = [];
  for (const ticket of waiting.tickets) {
    const received = ticket.timeline[0];
    const notifications = await dependencies.notify.enqueue(ticket, received === undefined ? [] : [received], org);
    await dependencies.notify.deliverPromptly(notifications);
    if (notifications.failed.length > 0) {
      notStarted.push({ ticketNumber: ticket.ticketNumber, why: 'the received email could not be enqueued' });
      continue;
    }
    const outcome = await lifecycle.ensureStarted(ticket.ticketNumber);
    if (outcome === 'started') started.push(ticket.ticketNumber);
    else if (outcome === 'already-started') alreadyRunning.push(ticket.ticketNumber);
    else notStarted.push({ ticketNumber: ticket.ticketNumber, why: 'the orchestration could not be started' });
  }
  return { examined: waiting.tickets.length, started, alreadyRunning, notStarted };
}
