/**
 * fast-check generators for business-hours calendars in time zones that change offset (both ways,
 * by an hour, half an hour, or at midnight), and instants close to those changes.
 */
import fc from 'fast-check';
import { type Calendar, CalendarSchema } from '../../../../../shared/domain/calendar/calendar';
import { WEEKDAYS } from '../../../../../shared/domain/calendar/weekly-hours';

export const ZONES_WITH_DST = [
  'Europe/Paris',
  'Europe/London',
  'America/New_York',
  'America/Chicago',
  'America/Havana', // changes at midnight
  'America/Santiago', // changes at midnight, southern hemisphere
  'Australia/Sydney',
  'Australia/Lord_Howe', // half-hour change
  'Pacific/Auckland',
  'Pacific/Chatham', // +12:45 / +13:45
  'Asia/Kolkata', // no DST: a control
];

/** Local dates just before the 2026 offset changes of the zones above, in both directions. */
const DST_WEEKS = ['2026-03-07', '2026-03-13', '2026-03-28', '2026-04-04', '2026-09-05', '2026-09-26', '2026-10-03', '2026-10-24', '2026-10-31'];

const MINUTE = 60_000;

const clock = (quarterHours: number): string => {
  const minutes = quarterHours * 15;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};

/** Zero to two ranges on a day, on a quarter-hour grid so that ranges start and end inside DST hours. */
const dayRanges = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 4 })
  .map((points) => [...points].sort((a, b) => a - b))
  .map((points) => {
    const ranges: { start: string; end: string }[] = [];
    for (let index = 0; index + 1 < points.length; index += 2) {
      ranges.push({ start: clock(points[index] ?? 0), end: clock(points[index + 1] ?? 0) });
    }
    return ranges;
  });

export const anchorDate = fc.constantFrom(...DST_WEEKS);

export const businessCalendar = (holidayDates: fc.Arbitrary<string[]>): fc.Arbitrary<Calendar> =>
  fc
    .record({
      timeZone: fc.constantFrom(...ZONES_WITH_DST),
      weekly: fc.tuple(...WEEKDAYS.map(() => dayRanges)),
      holidays: holidayDates,
    })
    .map(({ timeZone, weekly, holidays }) => ({
      id: 'random-hours',
      kind: 'business-hours',
      timeZone,
      weekly: Object.fromEntries(WEEKDAYS.map((day, index) => [day, weekly[index] ?? []])),
      holidays,
    }))
    .filter((input) => CalendarSchema.safeParse(input).success)
    .map((input) => CalendarSchema.parse(input));

/** A few holidays among the days right after a DST anchor date. */
export const holidaysNear = (anchor: string): fc.Arbitrary<string[]> =>
  fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 2 }).map((days) => days.map((day) => shiftDate(anchor, day)));

export const shiftDate = (isoDate: string, days: number): string => new Date(Date.parse(`${isoDate}T00:00:00.000Z`) + days * 24 * 60 * MINUTE).toISOString().slice(0, 10);

/** A minute-aligned instant within three days after an anchor date (UTC midnight). */
export const instantNear = (anchor: string): fc.Arbitrary<number> =>
  fc.integer({ min: -12 * 60, max: 3 * 24 * 60 }).map((minutes) => Date.parse(`${anchor}T00:00:00.000Z`) + minutes * MINUTE);

/** Up to three minute-aligned pauses within `spanMinutes` after `fromMs`. */
export const pausesAfter = (fromMs: number, spanMinutes: number): fc.Arbitrary<{ start: number; end: number }[]> =>
  fc.array(
    fc.tuple(fc.integer({ min: -60, max: spanMinutes }), fc.integer({ min: 1, max: 12 * 60 })).map(([offset, length]) => ({
      start: fromMs + offset * MINUTE,
      end: fromMs + (offset + length) * MINUTE,
    })),
    { maxLength: 3 },
  );
