/**
 * Weekly hours shared by business calendars and region shifts: clock times per weekday and the
 * holiday dates that cancel a day. Only vocabulary and validation live here, no time arithmetic.
 */
import { z } from 'zod';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const WeekdaySchema = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof WeekdaySchema>;

export const MINUTES_PER_DAY = 24 * 60;

/** 'HH:mm' on a 24-hour clock; '24:00' is accepted so that a range can close at midnight. */
export const ClockTimeSchema = z
  .string()
  .regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be a clock time HH:mm such as 09:00');
export type ClockTime = z.infer<typeof ClockTimeSchema>;

/** A local calendar date, e.g. a public holiday: YYYY-MM-DD. */
export const LocalDateSchema = z.iso.date();

/** Cross-field checks only run on well-formed clock times, so that one typo yields one message. */
export function clockTimesWellFormed(payload: z.core.ParsePayload): boolean {
  return payload.issues.length === 0;
}

/** Minutes since local midnight for a validated 'HH:mm'. */
export function minutesOfDay(clockTime: ClockTime): number {
  return Number(clockTime.slice(0, 2)) * 60 + Number(clockTime.slice(3, 5));
}

/** Luxon numbers weekdays 1 (Monday) to 7 (Sunday); 0 is read as Sunday too, as `Date#getUTCDay` counts. */
export function weekdayOf(luxonWeekday: number): Weekday {
  // Stryker disable next-line LogicalOperator,StringLiteral: the index is always 0 to 6; the fallback is for the type
  return WEEKDAYS[(luxonWeekday - 1 + 7) % 7] ?? 'mon';
}

/** One schema per weekday, each a list of ranges; a day left out is closed. */
export function weeklySchema<Range extends z.ZodType>(range: Range) {
  const day = z.array(range).default([]);
  return z.object({ mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day });
}
