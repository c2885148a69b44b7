/**
 * The figures an operator watches the desk by, computed from the stored tickets and outbox: intake
 * in the last hour, open tickets by status and severity, SLA clocks at warning and in breach,
 * handoffs and escalations to a team lead, and the email outbox's backlog. The same function feeds
 * the app's periodic `operations.snapshot` log line (which the Azure alerts and workbook query)
 * and the offline stack's `/admin/metrics`, so both show the same numbers.
 */
import { z } from 'zod';
import type { Instant } from '../primitives';
import type { Ticket } from '../ticket/ticket';
import { FINISHED_STATUSES, type TicketStatus } from '../ticket/ticket-status';
import type { TimelineEventType } from '../timeline/timeline-event';

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

const WINDOW_EVENTS = {
  slaWarningsLastHour: 'sla-warning-raised',
  slaBreachesLastHour: 'sla-breached',
  handoffsLastHour: 'handed-off',
  leadEscalationsLastHour: 'escalated-internally',
} as const satisfies Record<string, TimelineEventType>;

function isOpen(ticket: Ticket): boolean {
  return !FINISHED_STATUSES.includes(ticket.status);
}

function has(ticket: Ticket, type: TimelineEventType): boolean {
  return ticket.timeline.some((event) => event.type === type);
}

function countByStatusAndSeverity(tickets: readonly Ticket[]): OpenTicketCount[] {
  const counts = new Map<string, OpenTicketCount>();
  for (const ticket of tickets) {
    const severity = ticket.severity ?? 'unset';
    const key = `${ticket.status}/${severity}`;
    const previous = counts.get(key);
    counts.set(key, { status: ticket.status, severity, count: (previous?.count ?? 0) + 1 });
  }
  return [...counts.values()].sort((a, b) => a.status.localeCompare(b.status) || a.severity.localeCompare(b.severity));
}

export function operationsFigures(tickets: readonly Ticket[], outbox: readonly OutboxRow[], now: Instant): OperationsFigures {
  const nowMs = Date.parse(now);
  const since = nowMs - FIGURES_WINDOW_MS;
  const inWindow = (at: Instant) => Date.parse(at) > since && Date.parse(at) <= nowMs;
  const open = tickets.filter(isOpen);
  const eventsInWindow = (type: TimelineEventType) =>
    tickets.reduce((total, ticket) => total + ticket.timeline.filter((event) => event.type === type && inWindow(event.at)).length, 0);
  const pending = outbox.filter((row) => row.status === 'pending');
  const oldestPendingMs = pending.reduce((oldest, row) => Math.min(oldest, Date.parse(row.createdAt)), nowMs);
  const snapshot: OperationsSnapshot = {
    intakeLastHour: tickets.filter((ticket) => inWindow(ticket.createdAt)).length,
    openTickets: open.length,
    openTicketsAtSlaWarning: open.filter((ticket) => has(ticket, 'sla-warning-raised') && !has(ticket, 'sla-breached')).length,
    openTicketsInSlaBreach: open.filter((ticket) => has(ticket, 'sla-breached')).length,
    slaWarningsLastHour: eventsInWindow(WINDOW_EVENTS.slaWarningsLastHour),
    slaBreachesLastHour: eventsInWindow(WINDOW_EVENTS.slaBreachesLastHour),
    handoffsLastHour: eventsInWindow(WINDOW_EVENTS.handoffsLastHour),
    leadEscalationsLastHour: eventsInWindow(WINDOW_EVENTS.leadEscalationsLastHour),
    outboxPending: pending.length,
    outboxOldestPendingMinutes: Math.max(0, Math.floor((nowMs - oldestPendingMs) / 60_000)),
    outboxFailed: outbox.filter((row) => row.status === 'failed').length,
  };
  return { at: now, snapshot, openTicketsByStatusAndSeverity: countByStatusAndSeverity(open) };
}
