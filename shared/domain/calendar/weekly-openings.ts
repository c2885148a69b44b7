/**
 * Turns weekly local hours (business hours or shifts) into the real intervals during which they
 * are open. An instant is open when its local wall time falls in a range of a non-holiday day, so
 * a range that spans a DST change lasts the real time that elapses, and a range inside a repeated
 * hour counts both passes.
 */
import { type OffsetStretch, offsetAt, offsetTimeline } from './offset-stretches';
import { type ClockTime, MINUTES_PER_DAY, type Weekday, minutesOfDay, weekdayOf } from './weekly-hours';
import { MS_PER_MINUTE, type TimeSpan } from './time-span';

/** Minutes after local midnight of the day the range starts on; `endMinute` may pass 1440. */
export type LocalRange = { readonly startMinute: number; readonly endMinute: number };

export type WeeklyOpenings = {
  readonly timeZone: string;
  readonly ranges: Readonly<Record<Weekday, readonly LocalRange[]>>;
  /** ISO dates (YYYY-MM-DD) on which no range starts. */
  readonly holidays: ReadonlySet<string>;
};

type ClockRange = { readonly start: ClockTime; readonly end: ClockTime };

/**
 * Weekly hours from their configured form. A range whose end is not after its start runs past
 * midnight into the next day (only shifts can be written that way; calendars reject it).
 */
export function weeklyOpenings(timeZone: string, weekly: Readonly<Record<Weekday, readonly ClockRange[]>>, holidays: readonly string[]): WeeklyOpenings {
  // The configuration is parsed once and then only read, so the same objects come back on every
  // computation: remembering what was built from them saves rebuilding ranges and holiday sets.
  const remembered = openingsCache.get(weekly)?.find((entry) => entry.timeZone === timeZone && entry.holidays === holidays);
  if (remembered !== undefined) return remembered.openings;
  const openings = buildWeeklyOpenings(timeZone, weekly, holidays);
  const entries = openingsCache.get(weekly) ?? [];
  // Bounded: a caller that builds fresh holiday lists each time (on-call holiday hours) keeps the last few.
  openingsCache.set(weekly, [{ timeZone, holidays, openings }, ...entries.slice(0, MAX_OPENINGS_PER_WEEK - 1)]);
  return openings;
}

type RememberedOpenings = { readonly timeZone: string; readonly holidays: readonly string[]; readonly openings: WeeklyOpenings };
/** Keyed by the configured week itself, so an organisation reloaded from the store drops its entries with it. */
const openingsCache = new WeakMap<object, readonly RememberedOpenings[]>();
const MAX_OPENINGS_PER_WEEK = 8;

function buildWeeklyOpenings(timeZone: string, weekly: Readonly<Record<Weekday, readonly ClockRange[]>>, holidays: readonly string[]): WeeklyOpenings {
  const rangesOf = (day: Weekday): LocalRange[] =>
    weekly[day].map((range) => {
      const startMinute = minutesOfDay(range.start);
      const endMinute = minutesOfDay(range.end);
      return { startMinute, endMinute: endMinute > startMinute ? endMinute : endMinute + MINUTES_PER_DAY };
    });
  const ranges = { mon: rangesOf('mon'), tue: rangesOf('tue'), wed: rangesOf('wed'), thu: rangesOf('thu'), fri: rangesOf('fri'), sat: rangesOf('sat'), sun: rangesOf('sun') };
  return { timeZone, ranges, holidays: new Set(holidays) };
}

const MS_PER_DAY = MINUTES_PER_DAY * MS_PER_MINUTE;
/** No zone is more than 14 h ahead of UTC; the margin bounds where a local day can fall in real time. */
const MAX_OFFSET_MS = 16 * 60 * MS_PER_MINUTE;
/** A range starts on its day and lasts under 24 h, so it ends before local midnight two days on. */
const LONGEST_REACH_MS = 2 * MS_PER_DAY;

/**
 * The open intervals between `fromMs` and `untilMs`, sorted and disjoint, clipped to that window.
 * Lazy: a caller that finds what it needs early never pays for the rest of the window.
 */
export function* openSpans(openings: WeeklyOpenings, fromMs: number, untilMs: number): Generator<TimeSpan> {
  // Start two local days early: a range that started yesterday may still be open at `fromMs`.
  // Stryker disable next-line ArithmeticOperator: a local date off by a day is absorbed by the two days' margin
  const localStart = new Date(fromMs + offsetAt(openings.timeZone, fromMs));
  let wallOrigin = Date.UTC(localStart.getUTCFullYear(), localStart.getUTCMonth(), localStart.getUTCDate()) - 2 * MS_PER_DAY;
  // Stryker disable next-line ArithmeticOperator: the ranges of the first day walked end before `fromMs`, so its offsets are never needed
  const stretchesBetween = offsetTimeline(openings.timeZone, wallOrigin - MAX_OFFSET_MS);
  let pending: TimeSpan[] = [];
  let emittedUntil = fromMs;
  const emit = function* (spans: readonly TimeSpan[]): Generator<TimeSpan> {
    for (const span of spans) {
      const start = Math.max(span.start, emittedUntil);
      const end = Math.min(span.end, untilMs);
      if (end > start) {
        yield { start, end };
        emittedUntil = end;
      }
    }
  };
  // Stryker disable next-line EqualityOperator: one more day walked only adds spans that start after `untilMs`
  while (wallOrigin - MAX_OFFSET_MS < untilMs) {
    pending = pending.concat(spansOfDay(openings, wallOrigin, stretchesBetween)).sort((a, b) => a.start - b.start);
    // Ranges of later days start no earlier than this, so everything before it is final.
    // Stryker disable next-line ArithmeticOperator: settling later only emits later, in the same order
    const settledBefore = wallOrigin + MS_PER_DAY - MAX_OFFSET_MS;
    // Stryker disable next-line EqualityOperator: a span starting at the line is emitted now or with the next day alike
    yield* emit(pending.filter((span) => span.start < settledBefore));
    // Stryker disable next-line ConditionalExpression: a span kept after it was emitted is clipped to nothing by `emittedUntil` when it comes round again
    pending = pending.filter((span) => span.start >= settledBefore);
    wallOrigin += MS_PER_DAY;
  }
  // Nothing pending is left to emit: the last day's settled line lies at or past `untilMs`, so
  // whatever starts after it falls outside the window.
}

/**
 * The real intervals of one local day's ranges. `wallOrigin` is the day's local midnight written
 * as if it were UTC (so plain UTC date arithmetic walks local dates, with no DST in the way); in a
 * stretch of constant offset the instant showing wall time w is w minus the offset.
 */
function spansOfDay(openings: WeeklyOpenings, wallOrigin: number, stretchesBetween: (start: number, end: number) => OffsetStretch[]): TimeSpan[] {
  const date = new Date(wallOrigin);
  if (openings.holidays.has(date.toISOString().slice(0, 10))) return [];
  // getUTCDay counts from Sunday (0), which weekdayOf reads as luxon's Sunday (7).
  const ranges = openings.ranges[weekdayOf(date.getUTCDay())];
  // Stryker disable next-line ConditionalExpression: a shortcut; a day without ranges yields no spans either way
  if (ranges.length === 0) return [];
  const stretches = stretchesBetween(wallOrigin - MAX_OFFSET_MS, wallOrigin + LONGEST_REACH_MS + MAX_OFFSET_MS);
  const spans: TimeSpan[] = [];
  for (const range of ranges) {
    const wallStart = wallOrigin + range.startMinute * MS_PER_MINUTE;
    const wallEnd = wallOrigin + range.endMinute * MS_PER_MINUTE;
    for (const stretch of stretches) {
      const start = Math.max(stretch.start, wallStart - stretch.offsetMs);
      const end = Math.min(stretch.end, wallEnd - stretch.offsetMs);
      // Stryker disable next-line EqualityOperator: an empty span is dropped when emitted anyway
      if (end > start) spans.push({ start, end });
    }
  }
  return spans;
}
