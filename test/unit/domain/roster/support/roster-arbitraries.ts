/** fast-check generators for region rosters: random zones, shifts (some across midnight), holidays and on-call hours. */
import fc from 'fast-check';
import { WEEKDAYS } from '../../../../../shared/domain/calendar/weekly-hours';
import type { Region } from '../../../../../shared/domain/primitives';
import { ZONES_WITH_DST, holidaysNear } from '../../calendar/support/calendar-arbitraries';

const clock = (quarterHours: number): string => `${String(Math.floor(quarterHours / 4)).padStart(2, '0')}:${String((quarterHours % 4) * 15).padStart(2, '0')}`;

/** Shifts on a quarter-hour grid; an end at or before the start crosses midnight. */
const shift = fc
  .tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 0, max: 96 }))
  .filter(([start, end]) => start !== end)
  .map(([start, end]) => ({ start: clock(start), end: clock(end) }));

const week = fc.tuple(...WEEKDAYS.map(() => fc.array(shift, { maxLength: 2 }))).map((days) => Object.fromEntries(WEEKDAYS.map((day, index) => [day, days[index] ?? []])));

export const regionRosterNear = (id: Region, anchor: string) =>
  fc
    .record({
      timeZone: fc.constantFrom(...ZONES_WITH_DST),
      shifts: week,
      holidays: holidaysNear(anchor),
    })
    .map(({ timeZone, shifts, holidays }) => ({ id, timeZone, shifts, holidays }));

/** An on-call group of the given engineers: random weekly hours and hours on holidays (at least one of them). */
export const onCallOf = (engineerIds: string[]) =>
  fc
    .record({ weekly: week, onHolidays: fc.array(shift, { minLength: 1, maxLength: 2 }) })
    .map(({ weekly, onHolidays }) => ({ engineerIds, weekly, onHolidays }));
