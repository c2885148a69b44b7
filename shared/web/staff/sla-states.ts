/**
 * The words the console uses for where an SLA clock stands. A clock of the SLA engine is running,
 * paused, met or breached; the console also calls a running clock past its warning instant
 * "warning", as the alerts do. A queue row, read from a summary without its timeline, has the state
 * of its nearest deadline, or none when no clock counts.
 */
import { z } from 'zod';
import type { Instant } from '../../domain/primitives';
import type { SlaClock } from '../../domain/sla/sla-clock';
import { isSlaPausingStatus } from '../../domain/sla/sla-history-from-timeline';
import type { TicketStatus } from '../../domain/ticket/ticket-status';
import { displayedSlaDeadline } from '../../store/sla-deadline';

export const ClockStateSchema = z.enum(['breached', 'warning', 'running', 'paused', 'met']);
export type ClockState = z.infer<typeof ClockStateSchema>;

/** Most urgent first: the order of the queue's counts and of its "SLA" filter. */
export const RowSlaStateSchema = z.enum(['breached', 'warning', 'running', 'paused', 'no-clock']);
export type RowSlaState = z.infer<typeof RowSlaStateSchema>;

export const CLOCK_STATE_LABELS: Readonly<Record<ClockState | RowSlaState, string>> = {
  breached: 'Breached',
  warning: 'Warning',
  running: 'Running',
  paused: 'Paused',
  met: 'Met',
  'no-clock': 'No clock',
};

/** A clock's state at `now`; none for a metric that has not started (the next update before the first response). */
export function clockStateOf(clock: SlaClock, now: Instant): ClockState | undefined {
  switch (clock.state) {
    case 'not-started':
      return undefined;
    case 'running':
      return clock.warningAt !== undefined && Date.parse(clock.warningAt) <= Date.parse(now) ? 'warning' : 'running';
    default:
      return clock.state;
  }
}

export interface SlaSummary {
  readonly status: TicketStatus;
  readonly slaNextDueAt?: Instant | undefined;
  readonly slaNextWarningAt?: Instant | undefined;
}

/** The state of a listed ticket's nearest deadline, from the instants the store keeps beside it. */
export function rowSlaState(summary: SlaSummary, now: Instant): RowSlaState {
  const due = displayedSlaDeadline(summary);
  const nowMs = Date.parse(now);
  if (due !== undefined) {
    if (Date.parse(due) <= nowMs) return 'breached';
    if (summary.slaNextWarningAt !== undefined && Date.parse(summary.slaNextWarningAt) <= nowMs) return 'warning';
    return 'running';
  }
  return isSlaPausingStatus(summary.status) ? 'paused' : 'no-clock';
}
