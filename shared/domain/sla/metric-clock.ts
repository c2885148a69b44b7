/**
 * Measures one cycle of one SLA metric on its calendar: working time elapsed and paused, the due
 * and warning instants, and the resulting state, in one walk over the calendar. Everything is derived again on every call.
 */
import { measureWorkingTime } from '../calendar/business-time';
import type { Calendar } from '../calendar/calendar';
import { MS_PER_MINUTE, type TimeSpan } from '../calendar/time-span';
import type { Severity } from '../primitives';
import { explainClock, type ExplainedClock } from './clock-explanation';
import type { EffectivePauses } from './effective-pauses';
import type { MetricCycle } from './metric-cycles';
import type { SlaClock, SlaClockState } from './sla-clock';

export type MetricClockInput = {
  readonly cycle: MetricCycle;
  readonly severity: Severity;
  /** When the current severity was set during this cycle, if it changed; keeps cycle ids apart. */
  readonly severitySinceMs: number | undefined;
  readonly targetMinutes: number;
  readonly warningFraction: number;
  readonly calendar: Calendar;
  readonly pauses: EffectivePauses;
  readonly nowMs: number;
};

export function metricClock(input: MetricClockInput): SlaClock {
  const { cycle, severity, targetMinutes, calendar, pauses, nowMs } = input;
  const base = { metric: cycle.metric, severity, targetMinutes, calendarId: calendar.id };
  if (cycle.start === undefined) {
    const clock: ExplainedClock = { ...base, cycleId: 'not-started', state: 'not-started', pausedMinutes: 0, remainingMinutes: targetMinutes };
    return { ...clock, explanation: explainClock(clock, calendar) };
  }
  const start = cycle.start;
  const end = cycle.stop?.at ?? nowMs;
  // A stopped cycle is measured up to its stop: a pause that opens after it (the proposal that was
  // the first response starts one) must not move its due instant, which would then drift with `now`.
  const spans = pausesUntil(pauses.spans, end);
  const targetMs = targetMinutes * MS_PER_MINUTE;
  // Pauses still open end at `now` here, so while paused the instants are projections "if resumed now".
  const measure = measureWorkingTime(calendar, start, end, spans, [targetMs, Math.round(targetMs * input.warningFraction)]);
  const elapsedMs = measure.workingMs;
  const pausedMs = measure.openMs - elapsedMs;
  const [due, warning] = measure.marksReachedAt;
  const state = stateOf(due, cycle, nowMs, pauses);
  const clock: ExplainedClock = {
    ...base,
    cycleId: cycleIdOf(start, severity, input.severitySinceMs),
    state,
    startedAt: iso(start),
    ...(cycle.stop === undefined ? {} : { stoppedAt: iso(cycle.stop.at) }),
    // Stryker disable next-line ConditionalExpression: a clock is only ever 'paused' while pausedNowBy names the wait
    ...(state === 'paused' && pauses.pausedNowBy !== undefined ? { pausedBy: pauses.pausedNowBy } : {}),
    pausedMinutes: Math.round(pausedMs / MS_PER_MINUTE),
    ...(due === undefined ? {} : { dueAt: iso(due) }),
    ...(warning === undefined ? {} : { warningAt: iso(warning) }),
    remainingMinutes: Math.floor((targetMs - elapsedMs) / MS_PER_MINUTE),
  };
  return { ...clock, explanation: explainClock(clock, calendar) };
}

/**
 * A cycle is named by its start and the severity whose target it runs against, so that a new cycle
 * or a severity change re-arms the alerts; the instant of the change tells A → B → A apart.
 */
export function cycleIdOf(startMs: number, severity: Severity, severitySinceMs?: number): string {
  // Stryker disable next-line ConditionalExpression: an undefined instant is never later than the start, so the check is for the type
  const changed = severitySinceMs !== undefined && severitySinceMs > startMs ? `@${iso(severitySinceMs)}` : '';
  return `${iso(startMs)}/${severity}${changed}`;
}

function pausesUntil(spans: readonly TimeSpan[], endMs: number): TimeSpan[] {
  // Stryker disable next-line EqualityOperator: a pause opening at the end is cut to nothing and pauses nothing
  return spans.filter((span) => span.start < endMs).map((span) => ({ start: span.start, end: Math.min(span.end, endMs) }));
}

function stateOf(due: number | undefined, cycle: MetricCycle, nowMs: number, pauses: EffectivePauses): SlaClockState {
  if (cycle.stop !== undefined) return due === undefined || cycle.stop.at <= due ? 'met' : 'breached';
  // Stryker disable next-line ConditionalExpression: comparing with an undefined due is false anyway; the check is for the type
  if (due !== undefined && nowMs >= due) return 'breached';
  return pauses.pausedNowBy === undefined ? 'running' : 'paused';
}

const iso = (ms: number): string => new Date(ms).toISOString();
