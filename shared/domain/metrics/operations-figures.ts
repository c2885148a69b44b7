/**
 * The figures an operator watches the desk by, computed from the stored tickets and outbox: intake
 * in the last hour, open tickets by status and severity, SLA clocks at warning and in breach,
 * handoffs and escalations to a team lead, and the email outbox's backlog. The same function feeds
 * the app's periodic `operations.snapshot` log line (which the Azure alerts and workbook query)
 * and the offline stack's `/admin/metrics`, so both show the same numbers.
 */
import { z } from 'zod';
import type { Instant } from '../primitives';
import type { SlaAlertKind } from '../sla/sla-clock';
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

/**
 * What the open-ticket figures need of each open ticket: three small fields the store can project,
 * so counting the open backlog never reads (or parses) whole documents and their timelines.
 */
export type OpenTicketStanding = Pick<Ticket, 'status' | 'severity' | 'raisedAlertKeys'>;

export interface FiguresInput {
  /** Every open ticket (status not finished), as its standing. */
  readonly open: readonly OpenTicketStanding[];
  /** Tickets changed within the window, whole: their intake and the events of the last hour. */
  readonly changedInWindow: readonly Ticket[];
  readonly outbox: readonly OutboxRow[];
}

/** Alert keys end with their kind (see `slaAlertKey`); a key is recorded with its alert's event. */
function hasRaised(ticket: OpenTicketStanding, kind: SlaAlertKind): boolean {
  return ticket.raisedAlertKeys.some((key) => key.endsWith(`:${kind}`));
}

function countByStatusAndSeverity(tickets: readonly OpenTicketStanding[]): OpenTicketCount[] {
  const counts = new Map<string, OpenTicketCount>();
  for (const ticket of tickets) {
    const severity = ticket.severity ?? 'unset';
    const key = `${ticket.status}/${severity}`;
    const previous = counts.get(key);
    counts.set(key, { status: ticket.status, severity, count: (previous?.count ?? 0) + 1 });
  }
  return [...counts.values()].sort((a, b) => a.status.localeCompare(b.status) || a.severity.localeCompare(b.severity));
}

export function operationsFigures({ open: listed, changedInWindow, outbox }: FiguresInput, now: Instant): OperationsFigures {
  const nowMs = Date.parse(now);
  const since = nowMs - FIGURES_WINDOW_MS;
  const inWindow = (at: Instant) => Date.parse(at) > since && Date.parse(at) <= nowMs;
  const open = listed.filter((ticket) => !FINISHED_STATUSES.includes(ticket.status));
  const eventsInWindow = (type: TimelineEventType) =>
    changedInWindow.reduce((total, ticket) => total + ticket.timeline.filter((event) => event.type === type && inWindow(event.at)).length, 0);
  const pending = outbox.filter((row) => row.status === 'pending');
  const oldestPendingMs = pending.reduce((oldest, row) => Math.min(oldest, Date.parse(row.createdAt)), nowMs);
  const snapshot: OperationsSnapshot = {
    intakeLastHour: changedInWindow.filter((ticket) => inWindow(ticket.createdAt)).length,
    openTickets: open.length,
    openTicketsAtSlaWarning: open.filter((ticket) => hasRaised(ticket, 'warning') && !hasRaised(ticket, 'breach')).length,
    openTicketsInSlaBreach: open.filter((ticket) => hasRaised(ticket, 'breach')).length,
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
