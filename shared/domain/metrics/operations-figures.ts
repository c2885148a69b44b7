/**
 * The figures an operator watches the desk by, computed from the stored tickets and outbox: intake
 * in the last hour, open tickets by status and severity, SLA clocks at warning and in breach,
 * handoffs and escalations to a team lead, and the email outbox's backlog. The same function feeds
 * the app's periodic `operations.snapshot` log line (which the Azure alerts and workbook query)
 * and the offline stack's `/admin/metrics`, so both show the same numbers.
 */
import { z } from 'zod';
import type { Instant, Severity } from '../primitives';
import type { Ticket } from '../ticket/ticket';
import { FINISHED_STATUSES, type TicketStatus } from '../ticket/ticket-status';
import type { TimelineEventType } from '../timeline/timeline-event';
import { slaStandingOf, type SlaStanding } from './sla-standing';

/** How far back the "last hour" figures look. */
export const FIGURES_WINDOW_MS = 60 * 60_000;

/** The scalar figures, one vocabulary for the log line, the alerts' queries and `/admin/metrics`. */
export const OperationsSnapshotSchema = z.object({
  intakeLastHour: z.number().int().nonnegative(),
  openTickets: z.number().int().nonnegative(),
  /** Open tickets with an SLA warning raised and no breach yet. */
  openTicketsAtSlaWarning: z.number().int().nonnegative(),
  /** Open tickets with at least one SLA breach. */
  openTicketsInSlaBreach: z.number().int().nonnegative(),
  slaWarningsLastHour: z.number().int().nonnegative(),
  slaBreachesLastHour: z.number().int().nonnegative(),
  handoffsLastHour: z.number().int().nonnegative(),
  /** Stalls and tickets nobody could take, escalated to a queue's team lead. */
  leadEscalationsLastHour: z.number().int().nonnegative(),
  outboxPending: z.number().int().nonnegative(),
  /** Age of the oldest email not yet sent; 0 when none waits. */
  outboxOldestPendingMinutes: z.number().nonnegative(),
  outboxFailed: z.number().int().nonnegative(),
});
export type OperationsSnapshot = z.infer<typeof OperationsSnapshotSchema>;

export interface OpenTicketCount {
  readonly status: TicketStatus;
  /** `unset` for a chat ticket not triaged yet. */
  readonly severity: string;
  readonly count: number;
}

export interface OperationsFigures {
  readonly at: Instant;
  readonly snapshot: OperationsSnapshot;
  readonly openTicketsByStatusAndSeverity: readonly OpenTicketCount[];
}

/** What the figures need of an outbox message. */
export interface OutboxRow {
  readonly status: 'pending' | 'sent' | 'failed';
  readonly createdAt: Instant;
}

/** The outbox messages of one status, as the store's aggregate query counts them. */
export interface OutboxTally {
  readonly status: OutboxRow['status'];
  readonly count: number;
  /** The earliest `createdAt` among them; absent when the count is 0. */
  readonly oldestCreatedAt?: Instant | undefined;
}

/** The tallies of outbox messages read one by one (tests, and any reader without the aggregate). */
export function tallyOutbox(rows: readonly OutboxRow[]): OutboxTally[] {
  const tallies = new Map<OutboxRow['status'], OutboxTally>();
  for (const row of rows) {
    const previous = tallies.get(row.status);
    const oldest = previous?.oldestCreatedAt === undefined || Date.parse(row.createdAt) < Date.parse(previous.oldestCreatedAt) ? row.createdAt : previous.oldestCreatedAt;
    tallies.set(row.status, { status: row.status, count: (previous?.count ?? 0) + 1, oldestCreatedAt: oldest });
  }
  return [...tallies.values()];
}

const WINDOW_EVENTS = {
  slaWarningsLastHour: 'sla-warning-raised',
  slaBreachesLastHour: 'sla-breached',
  handoffsLastHour: 'handed-off',
  leadEscalationsLastHour: 'escalated-internally',
} as const satisfies Record<string, TimelineEventType>;

/** What a ticket's standing is made of: the fields `slaStandingOf` and the counts read. */
export type OpenTicketStanding = Pick<Ticket, 'status' | 'severity' | 'raisedAlertKeys'>;

/**
 * How many open tickets share a status, severity and SLA standing: one row of the store's
 * aggregate query (`GROUP BY c.status, c.severity, c.slaStanding`), so that counting the open
 * backlog reads a few dozen rows whatever its size.
 */
export interface OpenTicketTally {
  readonly status: TicketStatus;
  /** Absent for a chat ticket not triaged yet. */
  readonly severity?: Severity | undefined;
  readonly slaStanding: SlaStanding;
  readonly count: number;
}

export interface FiguresInput {
  /** The open tickets (status not finished), tallied by status, severity and SLA standing. */
  readonly open: readonly OpenTicketTally[];
  /** Tickets changed within the window, whole: their intake and the events of the last hour. */
  readonly changedInWindow: readonly Ticket[];
  /** The outbox messages by status (those sent may be left out). */
  readonly outbox: readonly OutboxTally[];
}

/** The tallies of tickets read one by one (those stored before `slaStanding` was kept, and tests). */
export function tallyOpenTickets(tickets: readonly OpenTicketStanding[]): OpenTicketTally[] {
  const tallies = new Map<string, OpenTicketTally>();
  for (const ticket of tickets) {
    const slaStanding = slaStandingOf(ticket.raisedAlertKeys);
    const key = `${ticket.status}/${ticket.severity ?? ''}/${slaStanding}`;
    const count = (tallies.get(key)?.count ?? 0) + 1;
    tallies.set(key, { status: ticket.status, ...(ticket.severity === undefined ? {} : { severity: ticket.severity }), slaStanding, count });
  }
  return [...tallies.values()];
}

function countByStatusAndSeverity(tallies: readonly OpenTicketTally[]): OpenTicketCount[] {
  const counts = new Map<string, OpenTicketCount>();
  for (const tally of tallies) {
    const severity = tally.severity ?? 'unset';
    const key = `${tally.status}/${severity}`;
    const previous = counts.get(key);
    counts.set(key, { status: tally.status, severity, count: (previous?.count ?? 0) + tally.count });
  }
  return [...counts.values()].sort((a, b) => a.status.localeCompare(b.status) || a.severity.localeCompare(b.severity));
}

function total(tallies: readonly OpenTicketTally[], standing?: SlaStanding): number {
  return tallies.reduce((sum, tally) => sum + (standing === undefined || tally.slaStanding === standing ? tally.count : 0), 0);
}

export function operationsFigures({ open: listed, changedInWindow, outbox }: FiguresInput, now: Instant): OperationsFigures {
  const nowMs = Date.parse(now);
  const since = nowMs - FIGURES_WINDOW_MS;
  const inWindow = (at: Instant) => Date.parse(at) > since && Date.parse(at) <= nowMs;
  const open = listed.filter((tally) => !FINISHED_STATUSES.includes(tally.status));
  const eventsInWindow = (type: TimelineEventType) =>
    changedInWindow.reduce((total, ticket) => total + ticket.timeline.filter((event) => event.type === type && inWindow(event.at)).length, 0);
  const ofStatus = (status: OutboxRow['status']) => outbox.filter((tally) => tally.status === status);
  const pending = ofStatus('pending');
  const oldestPendingMs = pending.reduce((oldest, tally) => (tally.oldestCreatedAt === undefined ? oldest : Math.min(oldest, Date.parse(tally.oldestCreatedAt))), nowMs);
  const snapshot: OperationsSnapshot = {
    intakeLastHour: changedInWindow.filter((ticket) => inWindow(ticket.createdAt)).length,
    openTickets: total(open),
    openTicketsAtSlaWarning: total(open, 'warning'),
    openTicketsInSlaBreach: total(open, 'breach'),
    slaWarningsLastHour: eventsInWindow(WINDOW_EVENTS.slaWarningsLastHour),
    slaBreachesLastHour: eventsInWindow(WINDOW_EVENTS.slaBreachesLastHour),
    handoffsLastHour: eventsInWindow(WINDOW_EVENTS.handoffsLastHour),
    leadEscalationsLastHour: eventsInWindow(WINDOW_EVENTS.leadEscalationsLastHour),
    outboxPending: pending.reduce((sum, tally) => sum + tally.count, 0),
    outboxOldestPendingMinutes: Math.max(0, Math.floor((nowMs - oldestPendingMs) / 60_000)),
    outboxFailed: ofStatus('failed').reduce((sum, tally) => sum + tally.count, 0),
  };
  return { at: now, snapshot, openTicketsByStatusAndSeverity: countByStatusAndSeverity(open) };
}
