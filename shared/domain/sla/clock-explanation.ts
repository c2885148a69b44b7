/**
 * One line a support manager can read for each SLA clock: the target, the calendar, the time
 * paused, the due instant and what is left, so that every deadline shows its reason.
 */
import type { Calendar } from '../calendar/calendar';
import type { SlaClock, SlaMetric } from './sla-clock';

const METRIC_NAMES: Record<SlaMetric, string> = {
  'first-response': 'First response',
  'next-update': 'Next update',
  resolution: 'Resolution',
};

export type ExplainedClock = Omit<SlaClock, 'explanation'>;

export function explainClock(clock: ExplainedClock, calendar: Calendar): string {
  const head = `${METRIC_NAMES[clock.metric]} (Sev ${clock.severity}): target ${clock.targetMinutes} ${minutesUnit(calendar)} on ${describeCalendar(calendar)}`;
  if (clock.state === 'not-started') return `${head}; starts with the first response.`;
  const paused = clock.pausedMinutes > 0 ? `, ${clock.pausedMinutes} min paused` : '';
  // The fallbacks below only satisfy the optional fields' types: metricClock sets startedAt on every
  // started clock, stoppedAt on every met one and pausedBy on every paused one, so no input shows them.
  // Stryker disable next-line StringLiteral: unreachable fallback, see above
  const startedAt = clock.startedAt ?? '?';
  // Stryker disable next-line StringLiteral: unreachable fallback, see above
  const stoppedAt = clock.stoppedAt ?? '?';
  // Stryker disable next-line StringLiteral: unreachable fallback, see above
  const pausedBy = clock.pausedBy ?? 'waiting';
  const started = `${head}; started ${startedAt}${paused}`;
  const due = clock.dueAt ?? 'never (the calendar does not open long enough)';
  switch (clock.state) {
    case 'met':
      return `${started}; met at ${stoppedAt}, due ${due}, ${clock.remainingMinutes} min to spare.`;
    case 'breached':
      return clock.stoppedAt === undefined
        ? `${started}; breached at ${due}, ${-clock.remainingMinutes} min over.`
        : `${started}; stopped at ${clock.stoppedAt}, after the due instant ${due} (${-clock.remainingMinutes} min over).`;
    case 'paused':
      return `${started}; paused (${pausedBy}), due ${due} if it resumed now, ${clock.remainingMinutes} min left.`;
    case 'running':
      return `${started}; due ${due}, ${clock.remainingMinutes} min left.`;
  }
}

function minutesUnit(calendar: Calendar): string {
  return calendar.kind === '24x7' ? 'min' : 'working min';
}

function describeCalendar(calendar: Calendar): string {
  return calendar.kind === '24x7' ? `calendar ${calendar.id} (24x7)` : `calendar ${calendar.id} (business hours, ${calendar.timeZone})`;
}
