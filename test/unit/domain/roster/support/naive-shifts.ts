/**
 * A naive reference for shifts and on-call hours: asks luxon for the local wall time and checks it
 * against today's hours and yesterday's hours that cross midnight, holidays included.
 */
import { DateTime } from 'luxon';
import { minutesOfDay, weekdayOf } from '../../../../../shared/domain/calendar/weekly-hours';
import type { OnCall, RegionRoster, Roster, Shift } from '../../../../../shared/domain/roster/roster';

/** The hours that start on a local date. */
type HoursOn = (date: DateTime) => readonly Shift[];

function naiveOpen(timeZone: string, hoursOn: HoursOn, instant: number): boolean {
  const wall = DateTime.fromMillis(instant, { zone: timeZone });
  const minute = wall.hour * 60 + wall.minute;
  const today = hoursOn(wall).some(({ start, end }) => {
    const [from, to] = [minutesOfDay(start), minutesOfDay(end)];
    return to > from ? from <= minute && minute < to : from <= minute;
  });
  const spill = hoursOn(wall.minus({ days: 1 })).some(({ start, end }) => minutesOfDay(end) <= minutesOfDay(start) && minute < minutesOfDay(end));
  return today || spill;
}

const isHoliday = (region: RegionRoster, date: DateTime): boolean => region.holidays.includes(date.toISODate() ?? '');

export function naiveRegionOnShift(region: RegionRoster, instant: number): boolean {
  return naiveOpen(region.timeZone, (date) => (isHoliday(region, date) ? [] : region.shifts[weekdayOf(date.weekday)]), instant);
}

export function naiveOnCall(region: RegionRoster, onCall: OnCall, instant: number): boolean {
  return naiveOpen(region.timeZone, (date) => (isHoliday(region, date) ? onCall.onHolidays : onCall.weekly[weekdayOf(date.weekday)]), instant);
}

/** On a shift of their region or, when `withOnCall`, in the hours of an on-call group that names them. */
export function naiveEngineerAtWork(roster: Roster, engineerId: string, instant: number, withOnCall: boolean): boolean {
  const engineer = roster.engineers.find((candidate) => candidate.id === engineerId);
  const region = roster.regions.find((candidate) => candidate.id === engineer?.region);
  if (engineer === undefined || region === undefined) return false;
  const onCall = withOnCall && region.onCall.some((group) => group.engineerIds.includes(engineer.id) && naiveOnCall(region, group, instant));
  return naiveRegionOnShift(region, instant) || onCall;
}
