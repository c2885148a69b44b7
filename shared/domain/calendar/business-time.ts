/**
 * Business time on a calendar: adding working minutes to an instant and counting the working
 * minutes between two instants, skipping closed hours, weekends, holidays and pauses. It jumps
 * from one open interval to the next, never minute by minute.
 */
import type { Instant } from '../primitives';
import type { Calendar } from './calendar';
import { openSpans, weeklyOpenings } from './weekly-openings';
import { MS_PER_MINUTE, type TimeSpan, mergeSpans, spanLength, subtractSpans } from './time-span';

/** A closed stretch during which the clock stands still (e.g. waiting on the customer). */
export type PauseInterval = { readonly from: Instant; readonly to: Instant };

/**
 * How far ahead a deadline is searched for. A validated calendar opens every week, so only a
 * calendar buried under years of holidays reaches it; its deadlines are reported as unreachable.
 */
export const SEARCH_HORIZON_MS = 10 * 366 * 24 * 60 * MS_PER_MINUTE;

export function addWorkingMinutes(calendar: Calendar, from: Instant, minutes: number, pauses: readonly PauseInterval[] = []): Instant | undefined {
  const due = addWorkingMs(calendar, Date.parse(from), Math.round(minutes * MS_PER_MINUTE), toPauseSpans(pauses));
  return due === undefined ? undefined : new Date(due).toISOString();
}

/** Working minutes from `from` to `to` (zero when `to` is not later), pauses excluded. */
export function workingMinutesBetween(calendar: Calendar, from: Instant, to: Instant, pauses: readonly PauseInterval[] = []): number {
  return workingMsBetween(calendar, Date.parse(from), Date.parse(to), toPauseSpans(pauses)) / MS_PER_MINUTE;
}

/** Whether the calendar is open at `at` (pauses aside). */
export function isWorkingInstant(calendar: Calendar, at: Instant): boolean {
  const instant = Date.parse(at);
  return workingMsBetween(calendar, instant, instant + 1, []) > 0;
}

/** The instant at which `workingMs` of working time has elapsed since `fromMs`; `pauses` merged. */
export function addWorkingMs(calendar: Calendar, fromMs: number, workingMs: number, pauses: readonly TimeSpan[]): number | undefined {
  if (workingMs <= 0) return fromMs;
  let remaining = workingMs;
  for (const span of workingSpans(calendar, fromMs, fromMs + SEARCH_HORIZON_MS, pauses)) {
    const length = span.end - span.start;
    if (length >= remaining) return span.start + remaining;
    remaining -= length;
  }
  return undefined;
}

export function workingMsBetween(calendar: Calendar, fromMs: number, toMs: number, pauses: readonly TimeSpan[]): number {
  // Stryker disable next-line EqualityOperator: an empty stretch has no working time either
  if (toMs <= fromMs) return 0;
  return spanLength(workingSpans(calendar, fromMs, toMs, pauses));
}

/** What one walk over a calendar from an instant measures (see `measureWorkingTime`). */
export type WorkingMeasure = {
  /** Working time between the two instants, pauses excluded. */
  readonly workingMs: number;
  /** Open time of the calendar between the two instants, pauses included. */
  readonly openMs: number;
  /** For each mark, the instant at which that much working time has elapsed (as `addWorkingMs`). */
  readonly marksReachedAt: readonly (number | undefined)[];
};

/**
 * `workingMsBetween` with and without the pauses and `addWorkingMs` for each mark, in one walk over
 * the calendar's open intervals: an SLA clock needs all of them, and walking four times cost four
 * times the offset arithmetic.
 */
export function measureWorkingTime(calendar: Calendar, fromMs: number, toMs: number, pauses: readonly TimeSpan[], marksMs: readonly number[]): WorkingMeasure {
  const marksReachedAt: (number | undefined)[] = marksMs.map((mark) => (mark <= 0 ? fromMs : undefined));
  const unreached = () => marksReachedAt.some((reached) => reached === undefined);
  let workingMs = 0;
  let openMs = 0;
  let workedSoFar = 0;
  const open = calendar.kind === '24x7' ? [{ start: fromMs, end: fromMs + SEARCH_HORIZON_MS }] : openSpans(weeklyOpenings(calendar.timeZone, calendar.weekly, calendar.holidays), fromMs, fromMs + SEARCH_HORIZON_MS);
  for (const span of open) {
    // Stryker disable next-line EqualityOperator: a span opening at `toMs` adds nothing before it, and every mark is reached
    if (span.start >= toMs && !unreached()) break;
    openMs += Math.max(0, Math.min(span.end, toMs) - span.start);
    for (const piece of subtractSpans(span, pauses)) {
      workingMs += Math.max(0, Math.min(piece.end, toMs) - piece.start);
      const length = piece.end - piece.start;
      marksMs.forEach((mark, index) => {
        if (marksReachedAt[index] === undefined && workedSoFar + length >= mark) marksReachedAt[index] = piece.start + (mark - workedSoFar);
      });
      workedSoFar += length;
    }
  }
  return { workingMs, openMs, marksReachedAt };
}

/** Open intervals of the calendar between the two instants, minus the (merged) pauses. */
export function* workingSpans(calendar: Calendar, fromMs: number, untilMs: number, pauses: readonly TimeSpan[]): Generator<TimeSpan> {
  const open =
    calendar.kind === '24x7'
      ? [{ start: fromMs, end: untilMs }]
      : openSpans(weeklyOpenings(calendar.timeZone, calendar.weekly, calendar.holidays), fromMs, untilMs);
  for (const span of open) yield* subtractSpans(span, pauses);
}

export function toPauseSpans(pauses: readonly PauseInterval[]): TimeSpan[] {
  return mergeSpans(pauses.map((pause) => ({ start: Date.parse(pause.from), end: Date.parse(pause.to) })));
}
