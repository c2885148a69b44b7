/**
 * When an on-call group is reachable, as real intervals: its weekly hours (none start on a region
 * holiday) and its hours on each of the region's holidays, both on the region's local wall clock.
 */
import { offsetAt } from '../calendar/offset-stretches';
import { MS_PER_MINUTE, type TimeSpan, mergeSpans } from '../calendar/time-span';
import type { Weekday } from '../calendar/weekly-hours';
import { openSpans, weeklyOpenings } from '../calendar/weekly-openings';
import type { OnCall, RegionRoster, Shift } from './roster';

/** Past the two local days before the window that opening hours look back, and the day after it. */
const DAYS_OF_MARGIN = 3;
const MS_PER_DAY = 24 * 60 * MS_PER_MINUTE;

export function onCallSpans(region: RegionRoster, onCall: OnCall, fromMs: number, untilMs: number): TimeSpan[] {
  const weekly = openSpans(weeklyOpenings(region.timeZone, onCall.weekly, region.holidays), fromMs, untilMs);
  const dates = localDatesAround(region.timeZone, fromMs, untilMs);
  // A shortcut for the usual case: with no holiday hours, or no holiday near the window, the
  // holiday openings below would be empty. The dates' margin keeps a holiday just outside it
  // from reaching in, so which of them are kept only decides whether the shortcut is taken.
  // Stryker disable next-line MethodExpression,ConditionalExpression,LogicalOperator,EqualityOperator: see above
  const holidays = region.holidays.filter((date) => dates.first <= date && date <= dates.last);
  // Stryker disable next-line ConditionalExpression,LogicalOperator: see above
  if (onCall.onHolidays.length === 0 || holidays.length === 0) return mergeSpans(weekly);
  // Holiday hours are written for every weekday and closed on every date that is not a holiday,
  // so they follow the same wall-clock rules (DST, shifts across midnight) as any other shift.
  const ordinaryDates = datesBetween(dates).filter((date) => !holidays.includes(date));
  const onHolidays = openSpans(weeklyOpenings(region.timeZone, everyWeekday(onCall.onHolidays), ordinaryDates), fromMs, untilMs);
  return mergeSpans([...weekly, ...onHolidays]);
}

function everyWeekday(shifts: readonly Shift[]): Record<Weekday, readonly Shift[]> {
  return { mon: shifts, tue: shifts, wed: shifts, thu: shifts, fri: shifts, sat: shifts, sun: shifts };
}

type LocalDates = { readonly timeZone: string; readonly first: string; readonly last: string };

/** The local dates on which hours that reach into the window can start (ISO dates compare as text). */
function localDatesAround(timeZone: string, fromMs: number, untilMs: number): LocalDates {
  return { timeZone, first: daysAfter(localDate(timeZone, fromMs), -DAYS_OF_MARGIN), last: daysAfter(localDate(timeZone, untilMs), DAYS_OF_MARGIN) };
}

function datesBetween({ first, last }: LocalDates): string[] {
  // Stryker disable next-line ArrayDeclaration: a stray entry is a date no opening falls on
  const dates: string[] = [];
  // The margin of days on either side absorbs a missing first or last date.
  // Stryker disable next-line EqualityOperator: see above
  for (let date = first; date <= last; date = daysAfter(date, 1)) dates.push(date);
  return dates;
}

/**
 * Local dates by plain calendar arithmetic on the wall date, with the zone's offset from the
 * remembered stretches: asking luxon for zoned dates here was most of its remaining cost on the
 * routing path (profiled: 3–4 % of the host's CPU under an intake burst).
 */
function localDate(timeZone: string, instantMs: number): string {
  // Stryker disable next-line ArithmeticOperator: a date off by one is absorbed by the margin of days
  return new Date(instantMs + offsetAt(timeZone, instantMs)).toISOString().slice(0, 10);
}

function daysAfter(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00.000Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}
