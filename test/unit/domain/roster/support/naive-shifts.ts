/**
 * A naive reference for shifts: asks luxon for the local wall time and checks it against today's
 * shifts and yesterday's shifts that cross midnight, holidays included.
 */
import { DateTime } from 'luxon';
import { minutesOfDay, weekdayOf } from '../../../../../shared/domain/calendar/weekly-hours';
import type { RegionRoster } from '../../../../../shared/domain/roster/roster';

export function naiveRegionOnShift(region: RegionRoster, instant: number): boolean {
  const wall = DateTime.fromMillis(instant, { zone: region.timeZone });
  const minute = wall.hour * 60 + wall.minute;
  const yesterday = wall.minus({ days: 1 });
  const worksOn = (date: DateTime): boolean => !region.holidays.includes(date.toISODate() ?? '');
  const today =
    worksOn(wall) &&
    region.shifts[weekdayOf(wall.weekday)].some(({ start, end }) => {
      const [from, to] = [minutesOfDay(start), minutesOfDay(end)];
      return to > from ? from <= minute && minute < to : from <= minute;
    });
  const spill =
    worksOn(yesterday) &&
    region.shifts[weekdayOf(yesterday.weekday)].some(({ start, end }) => minutesOfDay(end) <= minutesOfDay(start) && minute < minutesOfDay(end));
  return today || spill;
}
