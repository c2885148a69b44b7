import fc from 'fast-check';
import { DateTime } from 'luxon';
import { WEEKDAYS, minutesOfDay, weekdayOf } from '../../../../shared/domain/calendar/weekly-hours';
import { LONGEST_SHIFT_MS, regionOnShift, shiftEnd } from '../../../../shared/domain/roster/region-shifts';
import { type Roster, RosterSchema } from '../../../../shared/domain/roster/roster';
import { ZONES_WITH_DST, anchorDate, holidaysNear, instantNear } from '../calendar/support/calendar-arbitraries';

const MINUTE = 60_000;
const iso = (ms: number): string => new Date(ms).toISOString();
const clock = (quarterHours: number): string => `${String(Math.floor(quarterHours / 4)).padStart(2, '0')}:${String((quarterHours % 4) * 15).padStart(2, '0')}`;

/** Shifts on a quarter-hour grid; an end at or before the start crosses midnight. */
const shift = fc
  .tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 0, max: 96 }))
  .filter(([start, end]) => start !== end)
  .map(([start, end]) => ({ start: clock(start), end: clock(end) }));

const rosterNear = (anchor: string): fc.Arbitrary<Roster> =>
  fc
    .record({
      timeZone: fc.constantFrom(...ZONES_WITH_DST),
      shifts: fc.tuple(...WEEKDAYS.map(() => fc.array(shift, { maxLength: 2 }))),
      holidays: holidaysNear(anchor),
    })
    .map(({ timeZone, shifts, holidays }) =>
      RosterSchema.parse({
        regions: [{ id: 'EMEA', timeZone, shifts: Object.fromEntries(WEEKDAYS.map((day, index) => [day, shifts[index] ?? []])), holidays }],
        engineers: [],
        handoffOrder: ['EMEA'],
      }),
    );

/** Naive: on shift when the local wall time lies in a shift of today, or in one from yesterday that crosses midnight. */
function naiveOnShift(roster: Roster, instant: number): boolean {
  const region = roster.regions[0];
  if (region === undefined) return false;
  const wall = DateTime.fromMillis(instant, { zone: region.timeZone });
  const minute = wall.hour * 60 + wall.minute;
  const yesterday = wall.minus({ days: 1 });
  const worksOn = (date: DateTime): boolean => !region.holidays.includes(date.toISODate() ?? '');
  const today = worksOn(wall) && region.shifts[weekdayOf(wall.weekday)].some(({ start, end }) => {
    const [from, to] = [minutesOfDay(start), minutesOfDay(end)];
    return to > from ? from <= minute && minute < to : from <= minute;
  });
  const spill = worksOn(yesterday) && region.shifts[weekdayOf(yesterday.weekday)].some(({ start, end }) => minutesOfDay(end) <= minutesOfDay(start) && minute < minutesOfDay(end));
  return today || spill;
}

const scenario = anchorDate.chain((anchor) => fc.record({ roster: rosterNear(anchor), at: instantNear(anchor) }));

describe('region shift properties', () => {
  it('agree with the local wall clock, across DST changes, holidays and shifts crossing midnight', () => {
    fc.assert(
      fc.property(scenario, ({ roster, at }) => {
        expect(regionOnShift(roster, 'EMEA', iso(at))).toBe(naiveOnShift(roster, at));
      }),
      { numRuns: 300 },
    );
  });

  it('end a shift at the first minute off shift', () => {
    fc.assert(
      fc.property(scenario, ({ roster, at }) => {
        const end = shiftEnd(roster, 'EMEA', iso(at));
        if (end === undefined) return;
        const endMs = Date.parse(end);
        // A region that works a whole week without a break reports its shift ending a week on.
        if (endMs - at >= LONGEST_SHIFT_MS) return;
        for (let minute = at; minute < endMs; minute += MINUTE) expect(naiveOnShift(roster, minute)).toBe(true);
        expect(naiveOnShift(roster, endMs)).toBe(false);
      }),
      { numRuns: 40 },
    );
  });
});
