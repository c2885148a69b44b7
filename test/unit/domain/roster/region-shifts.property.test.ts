import fc from 'fast-check';
import { LONGEST_SHIFT_MS, engineerShiftEnd, onShift, regionOnShift, shiftEnd } from '../../../../shared/domain/roster/region-shifts';
import type { Roster } from '../../../../shared/domain/roster/roster';
import { RosterSchema } from '../../../../shared/domain/roster/roster-schema';
import { anchorDate, instantNear } from '../calendar/support/calendar-arbitraries';
import { naiveEngineerAtWork, naiveOnCall, naiveRegionOnShift } from './support/naive-shifts';
import { onCallOf, regionRosterNear } from './support/roster-arbitraries';

const MINUTE = 60_000;
const iso = (ms: number): string => new Date(ms).toISOString();

const scenario = anchorDate.chain((anchor) =>
  fc.record({
    roster: regionRosterNear('EMEA', anchor).map((region): Roster => RosterSchema.parse({ regions: [region], engineers: [], handoffOrder: ['EMEA'] })),
    at: instantNear(anchor),
  }),
);

/** EMEA with two engineers: 'eve' is on call (weekly and on holidays), 'sam' only works shifts. */
const onCallScenario = anchorDate.chain((anchor) =>
  fc.record({
    roster: fc.tuple(regionRosterNear('EMEA', anchor), onCallOf(['eve'])).map(
      ([region, onCall]): Roster =>
        RosterSchema.parse({
          regions: [{ ...region, onCall: [onCall] }],
          engineers: ['eve', 'sam'].map((id) => ({ id, name: id, email: `${id}@support.example`, region: 'EMEA', skills: ['exchange'], capacity: 2, role: 'engineer' })),
          handoffOrder: ['EMEA'],
        }),
    ),
    at: instantNear(anchor),
  }),
);

const naiveOnShift = (roster: Roster, instant: number): boolean => roster.regions.some((region) => naiveRegionOnShift(region, instant));

/** Sampled every ten minutes, plus the last minute of the stretch and the first one after it. */
function expectAtWorkUntil(atWork: (instant: number) => boolean, from: number, end: number): void {
  for (let minute = from; minute < end; minute += 10 * MINUTE) expect(atWork(minute)).toBe(true);
  expect(atWork(end - MINUTE)).toBe(true);
  expect(atWork(end)).toBe(false);
}

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
        expectAtWorkUntil((minute) => naiveOnShift(roster, minute), at, endMs);
      }),
      { numRuns: 60 },
    );
  });
});

describe('on-call properties', () => {
  it('count on-call hours, weekly and on holidays, for 24x7 work only and only for the engineers named', () => {
    fc.assert(
      fc.property(onCallScenario, ({ roster, at }) => {
        const [region] = roster.regions;
        if (region === undefined) return;
        const shift = naiveRegionOnShift(region, at);
        const onCall = region.onCall.some((group) => naiveOnCall(region, group, at));
        expect(onShift(roster, 'eve', iso(at), '24x7')).toBe(shift || onCall);
        expect(onShift(roster, 'eve', iso(at), 'business-hours')).toBe(shift);
        expect(onShift(roster, 'sam', iso(at), '24x7')).toBe(shift);
        expect(regionOnShift(roster, 'EMEA', iso(at), '24x7')).toBe(shift || onCall);
      }),
      { numRuns: 300 },
    );
  });

  it('end an on-call engineer’s stretch at the first minute they are neither on shift nor on call', () => {
    fc.assert(
      fc.property(onCallScenario, ({ roster, at }) => {
        const end = engineerShiftEnd(roster, 'eve', iso(at), '24x7');
        if (end === undefined) {
          expect(naiveEngineerAtWork(roster, 'eve', at, true)).toBe(false);
          return;
        }
        const endMs = Date.parse(end);
        if (endMs - at >= LONGEST_SHIFT_MS) return;
        expectAtWorkUntil((minute) => naiveEngineerAtWork(roster, 'eve', minute, true), at, endMs);
      }),
      { numRuns: 60 },
    );
  });
});
