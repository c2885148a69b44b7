/** fast-check generators for region rosters: random zones, shifts (some across midnight) and holidays. */
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

export const regionRosterNear = (id: Region, anchor: string) =>
  fc
    .record({
      timeZone: fc.constantFrom(...ZONES_WITH_DST),
      shifts: fc.tuple(...WEEKDAYS.map(() => fc.array(shift, { maxLength: 2 }))),
      holidays: holidaysNear(anchor),
    })
    .map(({ timeZone, shifts, holidays }) => ({
      id,
      timeZone,
      shifts: Object.fromEntries(WEEKDAYS.map((day, index) => [day, shifts[index] ?? []])),
      holidays,
    }));
