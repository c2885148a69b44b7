import fc from 'fast-check';
import { LONGEST_SHIFT_MS, regionOnShift, shiftEnd } from '../../../../shared/domain/roster/region-shifts';
import { type Roster, RosterSchema } from '../../../../shared/domain/roster/roster';
import { anchorDate, instantNear } from '../calendar/support/calendar-arbitraries';
import { naiveRegionOnShift } from './support/naive-shifts';
import { regionRosterNear } from './support/roster-arbitraries';

const MINUTE = 60_000;
const iso = (ms: number): string => new Date(ms).toISOString();

const scenario = anchorDate.chain((anchor) =>
  fc.record({
    roster: regionRosterNear('EMEA', anchor).map((region): Roster => RosterSchema.parse({ regions: [region], engineers: [], handoffOrder: ['EMEA'] })),
    at: instantNear(anchor),
  }),
);

const naiveOnShift = (roster: Roster, instant: number): boolean => roster.regions.some((region) => naiveRegionOnShift(region, instant));

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
        // Sampled every ten minutes, plus the last minute of the shift and the first one after it.
        for (let minute = at; minute < endMs; minute += 10 * MINUTE) expect(naiveOnShift(roster, minute)).toBe(true);
        expect(naiveOnShift(roster, endMs - MINUTE)).toBe(true);
        expect(naiveOnShift(roster, endMs)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});
