/**
 * The lifecycle watchdog's round (run every minute by a timer), the safety net behind each
 * ticket's orchestration. It looks only at tickets whose stored `lifecycleDueAt` passed more than
 * a grace period ago, which a live orchestration would have moved on by acting: one indexed query,
 * and nothing else when nothing is late, however many tickets are open. For each late ticket: an
 * orchestration that is missing, failed or terminated is started again (it reconciles from the
 * store at once); a live one whose SLA alert is overdue gets a wake-up, every round until the
 * alert is on record, in case its timer was lost; a live one with nothing overdue (it woke and
 * found nothing to change, or waits for capacity) is looked at again at its agenda's next instant.
 */
import { slaAgenda, ticketClocks } from '../domain/agenda/sla-agenda';
import type { Instant } from '../domain/primitives';
import type { OrgConfig } from '../domain/org/org-config';
import type { Ticket } from '../domain/ticket/ticket';
import { isFinished } from '../domain/ticket/ticket-status';
import type { StoreFailure } from '../store/store-failure';
import type { LifecycleStart } from './lifecycle-control';
import { storedNextLook } from '../store/lifecycle-due';
import { ticketOf } from '../store/stored-ticket';
import type { StoredTicketVersion, TicketRepository } from '../store/ticket-repository';

/** Long enough for intake to have started the instance and for a due timer to have fired. */
export const WATCHDOG_GRACE_MS = 60_000;
/** The longest overdue first; the rest wait for a later round. */
const ROUND_SIZE = 100;

export type LifecycleLiveness = 'alive' | 'gone' | 'unknown';

export interface LifecycleInstances {
  /** Running, pending, suspended or continuing as new; `gone` when missing, failed, terminated or completed. */
  liveness(ticketNumber: string): Promise<LifecycleLiveness>;
  start(ticketNumber: string): Promise<LifecycleStart>;
  wake(ticketNumber: string): Promise<void>;
}

export type WatchdogRepository = Pick<TicketRepository, 'lifecyclesDue' | 'lifecyclesUnstamped' | 'postponeLifecycle'>;

/**
 * Tickets saved before `lifecycleDueAt` existed are examined (and so stamped) by the first rounds
 * after the upgrade; every save since stamps, so once a round finds none the process stops asking.
 */
export interface UnstampedTickets {
  done: boolean;
}

export interface WatchdogReport {
  readonly examined: number;
  readonly restarted: readonly string[];
  readonly woken: readonly string[];
  readonly notRestarted: readonly string[];
  /** Alive with nothing overdue: looked at again later. */
  readonly postponed: readonly string[];
  readonly storeFailure?: StoreFailure;
}

interface RoundTally {
  restarted: string[];
  woken: string[];
  notRestarted: string[];
  postponed: string[];
}

export async function watchOverLifecycles(
  repository: WatchdogRepository,
  org: OrgConfig,
  instances: LifecycleInstances,
  now: Instant,
  unstamped: UnstampedTickets = { done: false },
): Promise<WatchdogReport> {
  const cutoff = new Date(Date.parse(now) - WATCHDOG_GRACE_MS).toISOString();
  const due = await repository.lifecyclesDue(cutoff, ROUND_SIZE);
  if (due.kind === 'failed') return { examined: 0, restarted: [], woken: [], notRestarted: [], postponed: [], storeFailure: due.failure };
  const late = [...due.tickets];
  if (!unstamped.done) {
    const legacy = await repository.lifecyclesUnstamped(ROUND_SIZE);
    if (legacy.kind === 'read') {
      late.push(...legacy.tickets);
      unstamped.done = legacy.tickets.length === 0 && legacy.skipped.length === 0;
    }
  }
  const tally: RoundTally = { restarted: [], woken: [], notRestarted: [], postponed: [] };
  for (const version of late) await watchOver(version, { repository, org, instances, now, cutoff }, tally);
  return { examined: late.length, ...tally };
}

interface RoundContext {
  readonly repository: WatchdogRepository;
  readonly org: OrgConfig;
  readonly instances: LifecycleInstances;
  readonly now: Instant;
  readonly cutoff: Instant;
}

async function watchOver(version: StoredTicketVersion, round: RoundContext, tally: RoundTally): Promise<void> {
  const ticket = ticketOf(version.stored);
  const number = ticket.ticketNumber;
  // A legacy ticket changed within the grace period is left to whoever is changing it.
  if (version.stored.lifecycleDueAt === undefined && Date.parse(ticket.updatedAt) > Date.parse(round.cutoff)) return;
  const liveness = await round.instances.liveness(number);
  if (liveness === 'unknown') return;
  // A finished ticket (only a legacy one is ever late) has no lifecycle to restart: it is stamped below.
  if (liveness === 'gone' && !isFinished(ticket.status)) {
    const started = await round.instances.start(number);
    (started === 'started' ? tally.restarted : tally.notRestarted).push(number);
    return;
  }
  if (liveness === 'alive' && alertOverdue(ticket, round.org, round.cutoff)) {
    await round.instances.wake(number);
    tally.woken.push(number);
    return;
  }
  const postponed = await round.repository.postponeLifecycle(version, storedNextLook(ticket, round.org, round.now));
  if (postponed.kind === 'postponed') tally.postponed.push(number);
}

/** Pure: an SLA alert was due at `cutoff` and is not on the timeline. */
export function alertOverdue(ticket: Ticket, org: OrgConfig, cutoff: Instant): boolean {
  return slaAgenda(ticket, ticketClocks(ticket, org, cutoff), cutoff).due.length > 0;
}
