/**
 * One line a support manager can read for each SLA clock: the target, the calendar, the time
 * paused, the due instant and what is left, so that every deadline shows its reason. The instants
 * stay values (`clockExplanation`) until a reader's page words them in the reader's time zone.
 */
import type { Calendar } from '../calendar/calendar';
import type { Instant } from '../primitives';
import type { SlaClock, SlaMetric } from './sla-clock';

const METRIC_NAMES: Record<SlaMetric, string> = {
  'first-response': 'First response',
  'next-update': 'Next update',
  resolution: 'Resolution',
};

export type ExplainedClock = Omit<SlaClock, 'explanation'>;

/** An instant stays a value in the explanation: whoever shows it formats it for its reader. */
export type ExplanationPart = string | { readonly instant: Instant };

/** How an instant reads in the text; the engine's own text (the API, the alerts) keeps it ISO 8601. */
export type InstantWording = (instant: Instant) => string;

const ISO_INSTANT: InstantWording = (instant) => instant;

export function explainClock(clock: ExplainedClock, calendar: Calendar): string {
  return explanationText(clockExplanation(clock, calendar));
}

export function explanationText(parts: readonly ExplanationPart[], wording: InstantWording = ISO_INSTANT): string {
  return parts.map((part) => (typeof part === 'string' ? part : wording(part.instant))).join('');
}

/** The explanation with its instants as values, in the order the text reads. */
export function clockExplanation(clock: ExplainedClock, calendar: Calendar): ExplanationPart[] {
  const head = `${METRIC_NAMES[clock.metric]} (Sev ${clock.severity}): target ${clock.targetMinutes} ${minutesUnit(calendar)} on ${describeCalendar(calendar)}`;
  if (clock.state === 'not-started') return [`${head}; starts with the first response.`];
  const paused = clock.pausedMinutes > 0 ? `, ${clock.pausedMinutes} min paused` : '';
  // The fallbacks below only satisfy the optional fields' types: metricClock sets startedAt on every
  // started clock, stoppedAt on every met one and pausedBy on every paused one, so no input shows them.
  // Stryker disable next-line StringLiteral: unreachable fallback, see above
  const startedAt = instantOr(clock.startedAt, '?');
  // Stryker disable next-line StringLiteral: unreachable fallback, see above
  const stoppedAt = instantOr(clock.stoppedAt, '?');
  // Stryker disable next-line StringLiteral: unreachable fallback, see above
  const pausedBy = clock.pausedBy ?? 'waiting';
  const started: ExplanationPart[] = [`${head}; started `, startedAt, paused];
  const due = instantOr(clock.dueAt, 'never (the calendar does not open long enough)');
  switch (clock.state) {
    case 'met':
      return [...started, '; met at ', stoppedAt, ', due ', due, `, ${clock.remainingMinutes} min to spare.`];
    case 'breached':
      return clock.stoppedAt === undefined
        ? [...started, '; breached at ', due, `, ${-clock.remainingMinutes} min over.`]
        : [...started, '; stopped at ', stoppedAt, ', after the due instant ', due, ` (${-clock.remainingMinutes} min over).`];
    case 'paused':
      return [...started, `; paused (${pausedBy}), due `, due, ` if it resumed now, ${clock.remainingMinutes} min left.`];
    case 'running':
      return [...started, '; due ', due, `, ${clock.remainingMinutes} min left.`];
  }
}

function instantOr(instant: Instant | undefined, otherwise: string): ExplanationPart {
  return instant === undefined ? otherwise : { instant };
}

function minutesUnit(calendar: Calendar): string {
  return calendar.kind === '24x7' ? 'min' : 'working min';
}

function describeCalendar(calendar: Calendar): string {
  return calendar.kind === '24x7' ? `calendar ${calendar.id} (24x7)` : `calendar ${calendar.id} (business hours, ${calendar.timeZone})`;
}
