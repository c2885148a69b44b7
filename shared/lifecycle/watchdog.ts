/**
 * The lifecycle watchdog's rounds (run every minute by a timer): an open ticket whose
 * orchestration is missing, failed or terminated gets it started again (it reconciles from the
 * store at once), and a ticket whose SLA alert fell due more than a grace period ago without
 * being recorded gets a wake-up, in case its timer was lost.
 */
import { slaAgenda, ticketClocks } from '../domain/agenda/sla-agenda';
import type { Instant } from '../domain/primitives';
import type { OrgConfig } from '../domain/org/org-config';
import type { Ticket } from '../domain/ticket/ticket';
import { TICKET_STATUSES, isFinished } from '../domain/ticket/ticket-status';
import type { StoreFailure } from '../store/store-failure';
import type { LifecycleStart } from '../tickets/lifecycle-control';
import type { LifecyclePorts } from './lifecycle-ports';

/** Long enough for intake to have started the instance and for a due timer to have fired. */
export const WATCHDOG_GRACE_MS = 60_000;
/** The most urgent open tickets (by SLA deadline) are examined first; the rest wait for a later round. */
const ROUND_SIZE = 1000;

const OPEN_STATUSES = TICKET_STATUSES.filter((status) => !isFinished(status));

export interface LifecycleInstances {
  /** Instance ids whose orchestration is running, pending, suspended or continuing as new. */
  aliveInstanceIds(): Promise<ReadonlySet<string>>;
  start(ticketNumber: string): Promise<LifecycleStart>;
  wake(ticketNumber: string): Promise<void>;
}

export interface WatchdogReport {
  readonly examined: number;
  readonly restarted: readonly string[];
  readonly woken: readonly string[];
  readonly notRestarted: readonly string[];
  readonly storeFailure?: StoreFailure;
}

export async function watchOverLifecycles(ports: Pick<LifecyclePorts, 'listTickets'>, org: OrgConfig, instances: LifecycleInstances, now: Instant): Promise<WatchdogReport> {
  const list = await ports.listTickets({ statuses: OPEN_STATUSES, maxItems: ROUND_SIZE });
  if (list.kind === 'failed') return { examined: 0, restarted: [], woken: [], notRestarted: [], storeFailure: list.failure };
  const alive = await instances.aliveInstanceIds();
  const cutoff = new Date(Date.parse(now) - WATCHDOG_GRACE_MS).toISOString();
  const restarted: string[] = [];
  const notRestarted: string[] = [];
  const woken: string[] = [];
  for (const ticket of list.tickets) {
    if (!alive.has(ticket.ticketNumber)) {
      if (Date.parse(ticket.updatedAt) > Date.parse(cutoff)) continue;
      const started = await instances.start(ticket.ticketNumber);
      (started === 'started' ? restarted : notRestarted).push(ticket.ticketNumber);
    } else if (alertOverdue(ticket, org, cutoff)) {
      await instances.wake(ticket.ticketNumber);
      woken.push(ticket.ticketNumber);
    }
  }
  return { examined: list.tickets.length, restarted, woken, notRestarted };
}

/** Pure: an SLA alert was due at `cutoff` and is not on the timeline. */
export function alertOverdue(ticket: Ticket, org: OrgConfig, cutoff: Instant): boolean {
  return slaAgenda(ticket, ticketClocks(ticket, org, cutoff), cutoff).due.length > 0;
}
