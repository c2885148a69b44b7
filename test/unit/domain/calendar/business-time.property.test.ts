import fc from 'fast-check';
import { addWorkingMinutes, addWorkingMs, measureWorkingTime, workingMinutesBetween, workingMsBetween } from '../../../../shared/domain/calendar/business-time';
import { mergeSpans } from '../../../../shared/domain/calendar/time-span';
import { anchorDate, businessCalendar, holidaysNear, instantNear, pausesAfter } from './support/calendar-arbitraries';
import { naiveAddWorkingMinutes } from './support/naive-business-time';

const iso = (ms: number): string => new Date(ms).toISOString();
const MAX_NAIVE_MINUTES = 2 * 24 * 60;

const scenario = anchorDate.chain((anchor) =>
  fc.record({
    calendar: businessCalendar(holidaysNear(anchor)),
    from: instantNear(anchor),
    minutes: fc.integer({ min: 0, max: 240 }),
  }),
).chain((base) => pausesAfter(base.from, 2 * 24 * 60).map((pauses) => ({ ...base, pauses })));

describe('business time properties', () => {
  it('agrees with a naive minute-by-minute walk, across DST changes, holidays and pauses', () => {
    fc.assert(
      fc.property(scenario, ({ calendar, from, minutes, pauses }) => {
        const pauseIntervals = pauses.map((pause) => ({ from: iso(pause.start), to: iso(pause.end) }));
        const fast = addWorkingMinutes(calendar, iso(from), minutes, pauseIntervals);
        const naive = naiveAddWorkingMinutes(calendar, from, minutes, pauses, MAX_NAIVE_MINUTES);
        if (naive === undefined) {
          // The naive walk gave up: the fast answer must lie beyond where it stopped.
          expect(fast === undefined || Date.parse(fast) > from + MAX_NAIVE_MINUTES * 60_000).toBe(true);
        } else {
          expect(fast).toBe(iso(naive));
        }
      }),
      { numRuns: 35 },
    );
  });

  it('counts exactly n working minutes between t and t plus n working minutes', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 59_999 }), ({ calendar, from, minutes, pauses }, jitterMs) => {
        const pauseIntervals = pauses.map((pause) => ({ from: iso(pause.start), to: iso(pause.end) }));
        const start = iso(from + jitterMs);
        const due = addWorkingMinutes(calendar, start, minutes, pauseIntervals);
        expect(due).toBeDefined();
        if (due !== undefined) expect(workingMinutesBetween(calendar, start, due, pauseIntervals)).toBe(minutes);
      }),
      { numRuns: 150 },
    );
  });
});

describe('measuring a clock in one walk', () => {
  it('finds what the separate walks find: working and open time up to an instant, and when each mark is reached', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 3 * 24 * 60 }), ({ calendar, from, minutes, pauses }, untilMinutes) => {
        const until = from + untilMinutes * 60_000;
        const marks = [minutes * 60_000, Math.round(minutes * 0.75) * 60_000];
        const merged = mergeSpans(pauses);
        const measure = measureWorkingTime(calendar, from, until, merged, marks);
        expect(measure.workingMs).toBe(workingMsBetween(calendar, from, until, merged));
        expect(measure.openMs).toBe(workingMsBetween(calendar, from, until, []));
        expect(measure.marksReachedAt).toEqual(marks.map((mark) => addWorkingMs(calendar, from, mark, merged)));
      }),
      { numRuns: 100 },
    );
  });
});
