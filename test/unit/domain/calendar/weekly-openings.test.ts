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

  it('opens ranges listed out of order, in order', () => {
    const split: Week = { ...closed, mon: [{ start: '13:00', end: '17:00' }, { start: '09:00', end: '12:00' }] };
    expect(spansOf('UTC', split, '2026-11-23T00:00:00Z', '2026-11-24T00:00:00Z')).toEqual([
      { start: '2026-11-23T09:00:00.000Z', end: '2026-11-23T12:00:00.000Z' },
      { start: '2026-11-23T13:00:00.000Z', end: '2026-11-23T17:00:00.000Z' },
    ]);
  });

  it('gives a night shift and the next morning\'s hours that overlap it as disjoint spans, each hour once', () => {
    const overlapping: Week = { ...closed, mon: [{ start: '22:00', end: '06:00' }], tue: [{ start: '05:00', end: '09:00' }] };
    expect(spansOf('UTC', overlapping, '2026-11-23T00:00:00Z', '2026-11-25T00:00:00Z')).toEqual([
      { start: '2026-11-23T22:00:00.000Z', end: '2026-11-24T06:00:00.000Z' },
      { start: '2026-11-24T06:00:00.000Z', end: '2026-11-24T09:00:00.000Z' },
    ]);
  });

  it('counts a night shift that began the day before the window as open from the window\'s start', () => {
    const nights: Week = { ...closed, mon: [{ start: '22:00', end: '06:00' }] };
    expect(spansOf('Europe/Paris', nights, '2026-11-24T02:00:00Z', '2026-11-25T00:00:00Z')).toEqual([{ start: '2026-11-24T02:00:00.000Z', end: '2026-11-24T05:00:00.000Z' }]);
  });

  it('lasts the real time of a night shift that runs through the autumn change, the repeated hour twice', () => {
    // Paris falls back from 03:00 CEST to 02:00 CET at 01:00 UTC on Sunday 2026-10-25.
    const saturdayNights: Week = { ...closed, sat: [{ start: '22:00', end: '06:00' }] };
    expect(spansOf('Europe/Paris', saturdayNights, '2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z')).toEqual([
      { start: '2026-10-24T20:00:00.000Z', end: '2026-10-25T01:00:00.000Z' },
      { start: '2026-10-25T01:00:00.000Z', end: '2026-10-25T05:00:00.000Z' },
    ]);
  });

  it('follows a range that runs into the next evening through a change that falls late in UTC', () => {
    // Los Angeles falls back from 02:00 PDT to 01:00 PST at 09:00 UTC on Sunday 2026-11-01, 33 h
    // after Saturday's local midnight read as UTC: a Saturday 23:00–22:00 shift lasts 24 real hours.
    const longSaturday: Week = { ...closed, sat: [{ start: '23:00', end: '22:00' }] };
    expect(spansOf('America/Los_Angeles', longSaturday, '2026-10-31T00:00:00Z', '2026-11-03T00:00:00Z')).toEqual([
      { start: '2026-11-01T06:00:00.000Z', end: '2026-11-01T09:00:00.000Z' },
      { start: '2026-11-01T09:00:00.000Z', end: '2026-11-02T06:00:00.000Z' },
    ]);
  });

  it('keeps the part of the next day\'s range that comes first in real time, where the repeated hour puts it before the end of the day\'s own', () => {
    // London falls back from 02:00 BST to 01:00 GMT at 01:00 UTC on Sunday 2026-10-25. Sunday's
    // 01:00 first comes (in BST) before the second pass of Saturday's range through 01:00–01:30.
    const week: Week = { ...closed, sat: [{ start: '23:00', end: '01:30' }], sun: [{ start: '01:00', end: '02:00' }] };
    expect(spansOf('Europe/London', week, '2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z')).toEqual([
      { start: '2026-10-24T22:00:00.000Z', end: '2026-10-25T00:30:00.000Z' },
      { start: '2026-10-25T00:30:00.000Z', end: '2026-10-25T01:00:00.000Z' },
      { start: '2026-10-25T01:00:00.000Z', end: '2026-10-25T01:30:00.000Z' },
      { start: '2026-10-25T01:30:00.000Z', end: '2026-10-25T02:00:00.000Z' },
    ]);
  });

  it('opens a range that starts at local midnight in the offset of the day before the change', () => {
    // Sydney leaves daylight time (+11 → +10) at 16:00 UTC on 2026-04-04, 03:00 local on the 5th.
    const sundayEarly: Week = { ...closed, sun: [{ start: '00:00', end: '06:00' }] };
    expect(spansOf('Australia/Sydney', sundayEarly, '2026-04-04T00:00:00Z', '2026-04-05T00:00:00Z')).toEqual([
      { start: '2026-04-04T13:00:00.000Z', end: '2026-04-04T16:00:00.000Z' },
      { start: '2026-04-04T16:00:00.000Z', end: '2026-04-04T20:00:00.000Z' },
    ]);
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
