/**
 * Markup the console's lists share: a ticket's link, an SLA state badge (the state in words, the
 * colour only repeats it), the time left that the script keeps counting, and instants in the
 * viewer's time zone.
 */
import type { Instant } from '../../domain/primitives';
import type { SlaMetric } from '../../domain/sla/sla-clock';
import type { TicketStatus } from '../../domain/ticket/ticket-status';
import { html, type SafeHtml } from '../html';
import { formatInstant } from '../status/requester-time';
import { CLOCK_STATE_LABELS, type ClockState, type RowSlaState } from './sla-states';
import { staffTicketPath } from './staff-routes';
import { describeTimeLeft } from './time-left';

export const METRIC_LABELS: Readonly<Record<SlaMetric, string>> = {
  'first-response': 'First response',
  'next-update': 'Next update',
  resolution: 'Resolution',
};

export function statusLabel(status: TicketStatus): string {
  const words = status.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function ticketLink(ticketNumber: string): SafeHtml {
  return html`<a class="number" href="${staffTicketPath(ticketNumber)}">${ticketNumber}</a>`;
}

export function clockBadge(state: ClockState | RowSlaState): SafeHtml {
  return html`<span class="clock-state clock-${state === 'no-clock' ? 'none' : state}">${CLOCK_STATE_LABELS[state]}</span>`;
}

/** The time left before `dueAt`, which the console script keeps current, and the instant itself. */
export function timeLeft(dueAt: Instant, now: Instant, zone: string): SafeHtml {
  return html`<span class="time-left"><span data-due-at="${dueAt}">${describeTimeLeft(Date.parse(dueAt), Date.parse(now))}</span> · due <time datetime="${dueAt}">${formatInstant(dueAt, zone)}</time></span>`;
}

export function severityLabel(severity: string | undefined): string {
  return severity === undefined ? 'Not set' : `Sev ${severity}`;
}
