/**
 * When an on-call group is reachable, as real intervals: its weekly hours (none start on a region
 * holiday) and its hours on each of the region's holidays, both on the region's local wall clock.
 */
import { DateTime } from 'luxon';
import { type TimeSpan, mergeSpans } from '../calendar/time-span';
import type { Weekday } from '../calendar/weekly-hours';
import { openSpans, weeklyOpenings } from '../calendar/weekly-openings';
import type { OnCall, RegionRoster, Shift } from './roster';

/** Past the two local days before the window that opening hours look back, and the day after it. */
const DAYS_OF_MARGIN = 3;

export function onCallSpans(region: RegionRoster, onCall: OnCall, fromMs: number, untilMs: number): TimeSpan[] {
  const weekly = openSpans(weeklyOpenings(region.timeZone, onCall.weekly, region.holidays), fromMs, untilMs);
  const dates = localDatesAround(region.timeZone, fromMs, untilMs);
  const holidays = region.holidays.filter((date) => dates.first <= date && date <= dates.last);
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
  const first = DateTime.fromMillis(fromMs, { zone: timeZone }).minus({ days: DAYS_OF_MARGIN }).toISODate() ?? '';
  const last = DateTime.fromMillis(untilMs, { zone: timeZone }).plus({ days: DAYS_OF_MARGIN }).toISODate() ?? '';
  return { timeZone, first, last };
}

function datesBetween({ timeZone, first, last }: LocalDates): string[] {
  const dates: string[] = [];
  for (let day = DateTime.fromISO(first, { zone: timeZone }); ; day = day.plus({ days: 1 })) {
    const date = day.toISODate();
    if (date === null || date > last) return dates;
    dates.push(date);
  }
}
