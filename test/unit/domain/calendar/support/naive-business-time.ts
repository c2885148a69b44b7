/**
 * A deliberately naive reference for business time: it walks real time one minute at a time and
 * asks luxon for the local wall time of each minute. Slow on purpose, and obviously right, so the
 * fast interval arithmetic can be checked against it.
 */
import { DateTime } from 'luxon';
import type { Calendar } from '../../../../../shared/domain/calendar/calendar';
import { minutesOfDay, weekdayOf } from '../../../../../shared/domain/calendar/weekly-hours';

export type NaivePause = { start: number; end: number };

const MINUTE = 60_000;

export function naiveIsOpen(calendar: Calendar, instant: number): boolean {
  if (calendar.kind === '24x7') return true;
  const wall = DateTime.fromMillis(instant, { zone: calendar.timeZone });
  if (calendar.holidays.includes(wall.toISODate() ?? '')) return false;
  const minute = wall.hour * 60 + wall.minute;
  return calendar.weekly[weekdayOf(wall.weekday)].some((range) => minutesOfDay(range.start) <= minute && minute < minutesOfDay(range.end));
}

const isPaused = (pauses: readonly NaivePause[], instant: number): boolean => pauses.some((pause) => pause.start <= instant && instant < pause.end);

/**
 * Walks `maxMinutes` of real time from a minute-aligned start; entry i is the instant at which
 * i + 1 working minutes have elapsed. One walk serves several targets.
 */
export function naiveWorkingMinuteEnds(calendar: Calendar, fromMs: number, pauses: readonly NaivePause[], maxMinutes: number, enough = Infinity): number[] {
  const ends: number[] = [];
  for (let step = 0; step < maxMinutes && ends.length < enough; step += 1) {
    const minuteStart = fromMs + step * MINUTE;
    if (naiveIsOpen(calendar, minuteStart) && !isPaused(pauses, minuteStart)) ends.push(minuteStart + MINUTE);
  }
  return ends;
}

/** Minute-aligned start; undefined when the target is not reached within `maxMinutes` of real time. */
export function naiveAddWorkingMinutes(calendar: Calendar, fromMs: number, minutes: number, pauses: readonly NaivePause[], maxMinutes: number): number | undefined {
  if (minutes === 0) return fromMs;
  return naiveWorkingMinuteEnds(calendar, fromMs, pauses, maxMinutes, minutes)[minutes - 1];
}
