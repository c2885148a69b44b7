import { openSpans, weeklyOpenings } from '../../../../shared/domain/calendar/weekly-openings';

const at = (iso: string): number => Date.parse(iso);
type Week = Parameters<typeof weeklyOpenings>[1];
const closed: Week = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const spansOf = (timeZone: string, weekly: Week, from: string, until: string, holidays: string[] = []) =>
  [...openSpans(weeklyOpenings(timeZone, weekly, holidays), at(from), at(until))].map((span) => ({ start: new Date(span.start).toISOString(), end: new Date(span.end).toISOString() }));

describe('weekly openings', () => {
  // 2026-11-23 is a Monday.
  const mondays: Week = { ...closed, mon: [{ start: '09:00', end: '17:00' }] };

  it('opens each range of a day in real time, clipped to the window asked for', () => {
    expect(spansOf('Europe/Paris', mondays, '2026-11-23T09:00:00Z', '2026-12-01T00:00:00Z')).toEqual([
      { start: '2026-11-23T09:00:00.000Z', end: '2026-11-23T16:00:00.000Z' },
      { start: '2026-11-30T08:00:00.000Z', end: '2026-11-30T16:00:00.000Z' },
    ]);
  });

  it('yields nothing for a window that ends as the desk opens', () => {
    expect(spansOf('UTC', mondays, '2026-11-23T08:00:00Z', '2026-11-23T09:00:00Z')).toEqual([]);
  });

  it('runs a range whose end is its start round the clock into the next day', () => {
    const shift: Week = { ...closed, mon: [{ start: '08:00', end: '08:00' }] };
    expect(spansOf('UTC', shift, '2026-11-23T00:00:00Z', '2026-11-25T00:00:00Z')).toEqual([{ start: '2026-11-23T08:00:00.000Z', end: '2026-11-24T08:00:00.000Z' }]);
  });

  it('opens on Sundays too', () => {
    const sundays: Week = { ...closed, sun: [{ start: '10:00', end: '12:00' }] };
    expect(spansOf('UTC', sundays, '2026-11-23T00:00:00Z', '2026-11-30T00:00:00Z')).toEqual([{ start: '2026-11-29T10:00:00.000Z', end: '2026-11-29T12:00:00.000Z' }]);
  });

  it('gives back the openings it built for the same week, zone and holidays, and builds others for another zone or holiday list', () => {
    const holidays = ['2026-12-25'];
    const paris = weeklyOpenings('Europe/Paris', mondays, holidays);
    expect(weeklyOpenings('Europe/Paris', mondays, holidays)).toBe(paris);
    expect(weeklyOpenings('Asia/Tokyo', mondays, holidays).timeZone).toBe('Asia/Tokyo');
    const otherHolidays = ['2026-11-23'];
    expect([...weeklyOpenings('Europe/Paris', mondays, otherHolidays).holidays]).toEqual(otherHolidays);
  });

  it('remembers only the last few holiday lists of a week', () => {
    const week: Week = { ...closed, tue: [{ start: '09:00', end: '17:00' }] };
    const firstList = ['2026-01-01'];
    const first = weeklyOpenings('UTC', week, firstList);
    for (let day = 2; day <= 9; day += 1) weeklyOpenings('UTC', week, [`2026-01-0${String(day)}`]);
    expect(weeklyOpenings('UTC', week, firstList)).not.toBe(first);
    expect(weeklyOpenings('UTC', week, firstList)).toEqual(first);
  });
});
