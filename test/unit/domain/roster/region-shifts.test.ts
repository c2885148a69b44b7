import { nextShiftStart, onShift, regionOnShift, shiftEnd } from '../../../../shared/domain/roster/region-shifts';
import { followTheSun, local, withRegion } from './support/roster-fixtures';

const newYork = 'America/New_York';
const mondayNights = (holidays: string[]) =>
  withRegion(followTheSun, { id: 'AMER', timeZone: newYork, shifts: { ...closed, mon: [{ start: '22:00', end: '06:00' }] }, holidays });
const closed = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const nightShift = mondayNights(['2026-11-24']);

describe('region shifts', () => {
  it('knows whether a region is on shift', () => {
    expect(regionOnShift(followTheSun, 'EMEA', '2026-11-23T10:00:00.000Z')).toBe(true);
    expect(regionOnShift(followTheSun, 'EMEA', '2026-11-23T17:00:00.000Z')).toBe(false);
  });

  it('knows whether an engineer is on shift through their region', () => {
    expect(onShift(followTheSun, 'eva', '2026-11-23T10:00:00.000Z')).toBe(true);
    expect(onShift(followTheSun, 'ana', '2026-11-23T10:00:00.000Z')).toBe(false);
    expect(onShift(followTheSun, 'nobody', '2026-11-23T10:00:00.000Z')).toBe(false);
  });

  it('gives the end of the shift in progress, and nothing when off shift', () => {
    expect(shiftEnd(followTheSun, 'EMEA', '2026-11-23T10:00:00.000Z')).toBe('2026-11-23T17:00:00.000Z');
    expect(shiftEnd(followTheSun, 'EMEA', '2026-11-23T18:00:00.000Z')).toBeUndefined();
  });

  it('gives the start of the next shift, after the one in progress', () => {
    expect(nextShiftStart(followTheSun, 'EMEA', '2026-11-23T18:00:00.000Z')).toBe('2026-11-24T08:00:00.000Z');
    expect(nextShiftStart(followTheSun, 'EMEA', '2026-11-23T10:00:00.000Z')).toBe('2026-11-24T08:00:00.000Z');
    expect(nextShiftStart(followTheSun, 'EMEA', '2026-11-23T07:00:00.000Z')).toBe('2026-11-23T08:00:00.000Z');
  });

  it('runs a shift across midnight into the next day', () => {
    expect(regionOnShift(nightShift, 'AMER', local('2026-11-23T21:59', newYork))).toBe(false);
    expect(regionOnShift(nightShift, 'AMER', local('2026-11-23T23:00', newYork))).toBe(true);
    expect(regionOnShift(nightShift, 'AMER', local('2026-11-24T03:00', newYork))).toBe(true);
    expect(shiftEnd(nightShift, 'AMER', local('2026-11-24T03:00', newYork))).toBe(local('2026-11-24T06:00', newYork));
    expect(regionOnShift(nightShift, 'AMER', local('2026-11-24T06:00', newYork))).toBe(false);
  });

  it('starts no shift on a holiday, but lets one that began the day before run into it', () => {
    // 2026-11-24 (a Tuesday) is a holiday; the Monday night shift still runs into its morning.
    expect(regionOnShift(nightShift, 'AMER', local('2026-11-24T05:00', newYork))).toBe(true);
    const mondayHoliday = mondayNights(['2026-11-23']);
    expect(regionOnShift(mondayHoliday, 'AMER', local('2026-11-23T23:00', newYork))).toBe(false);
    expect(nextShiftStart(mondayHoliday, 'AMER', local('2026-11-23T23:00', newYork))).toBe(local('2026-11-30T22:00', newYork));
  });

  it('treats back-to-back shifts as one shift', () => {
    const twoShifts = withRegion(followTheSun, {
      id: 'EMEA',
      timeZone: 'Europe/London',
      shifts: { ...closed, mon: [{ start: '06:00', end: '14:00' }, { start: '14:00', end: '22:00' }] },
      holidays: [],
    });
    expect(shiftEnd(twoShifts, 'EMEA', '2026-11-23T07:00:00.000Z')).toBe('2026-11-23T22:00:00.000Z');
    expect(nextShiftStart(twoShifts, 'EMEA', '2026-11-23T07:00:00.000Z')).toBe('2026-11-30T06:00:00.000Z');
  });

  it('follows local time across DST changes in Europe and America', () => {
    // London moves to summer time on 2026-03-29: the 08:00–17:00 shift runs 07:00–16:00 UTC.
    expect(shiftEnd(followTheSun, 'EMEA', '2026-03-29T07:30:00.000Z')).toBe('2026-03-29T16:00:00.000Z');
    expect(shiftEnd(followTheSun, 'EMEA', '2026-03-28T08:30:00.000Z')).toBe('2026-03-28T17:00:00.000Z');
    // New York leaves summer time on 2026-11-01: 11:00–20:00 runs 16:00–01:00 UTC from that day.
    expect(shiftEnd(followTheSun, 'AMER', '2026-10-31T16:00:00.000Z')).toBe('2026-11-01T00:00:00.000Z');
    expect(shiftEnd(followTheSun, 'AMER', '2026-11-01T16:00:00.000Z')).toBe('2026-11-02T01:00:00.000Z');
  });

  it('knows nothing of a region without a roster', () => {
    const amerOnly = { ...followTheSun, regions: followTheSun.regions.filter((region) => region.id === 'AMER') };
    expect(regionOnShift(amerOnly, 'EMEA', '2026-11-23T10:00:00.000Z')).toBe(false);
    expect(nextShiftStart(amerOnly, 'EMEA', '2026-11-23T10:00:00.000Z')).toBeUndefined();
  });

  it('reports a region that never stops working as ending its shift a week on', () => {
    const wholeDay = [{ start: '00:00', end: '24:00' }];
    const shifts = { mon: wholeDay, tue: wholeDay, wed: wholeDay, thu: wholeDay, fri: wholeDay, sat: wholeDay, sun: wholeDay };
    const nonStop = withRegion(followTheSun, { id: 'EMEA', timeZone: 'UTC', shifts, holidays: [] });
    expect(shiftEnd(nonStop, 'EMEA', '2026-11-23T10:00:00.000Z')).toBe('2026-11-30T10:00:00.000Z');
  });
});
