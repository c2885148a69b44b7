import { engineerShiftEnd, engineersAtWork, nextShiftStart, nextSkilledShiftStart, onShift, regionOnShift, shiftEnd } from '../../../../shared/domain/roster/region-shifts';
import { followTheSun, local, withEvaOnCall, withRegion } from './support/roster-fixtures';

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

describe('engineers on call', () => {
  const evaOnCall = withEvaOnCall(followTheSun);
  // Monday 23 November 2026: EMEA's shift ends at 17:00 UTC and Eva is on call until 20:00.
  const mondayEvening = '2026-11-23T18:00:00.000Z';

  it('count only for 24x7 work, and only for the engineers named', () => {
    expect(onShift(evaOnCall, 'eva', mondayEvening, '24x7')).toBe(true);
    expect(onShift(evaOnCall, 'eva', mondayEvening, 'business-hours')).toBe(false);
    expect(onShift(evaOnCall, 'eva', mondayEvening)).toBe(false);
    expect(onShift(evaOnCall, 'emil', mondayEvening, '24x7')).toBe(false);
    expect(onShift(evaOnCall, 'eva', '2026-11-24T18:00:00.000Z', '24x7')).toBe(false);
  });

  it('keep their region at work for 24x7 work', () => {
    expect(regionOnShift(evaOnCall, 'EMEA', mondayEvening, '24x7')).toBe(true);
    expect(regionOnShift(evaOnCall, 'EMEA', mondayEvening)).toBe(false);
    expect(shiftEnd(evaOnCall, 'EMEA', '2026-11-23T10:00:00.000Z', '24x7')).toBe('2026-11-23T20:00:00.000Z');
    expect(nextShiftStart(evaOnCall, 'EMEA', '2026-11-23T07:00:00.000Z', '24x7')).toBe('2026-11-23T08:00:00.000Z');
  });

  it('run straight on from the shift, so the engineer keeps their tickets until on call ends', () => {
    expect(engineerShiftEnd(evaOnCall, 'eva', '2026-11-23T10:00:00.000Z', '24x7')).toBe('2026-11-23T20:00:00.000Z');
    expect(engineerShiftEnd(evaOnCall, 'eva', '2026-11-23T10:00:00.000Z')).toBe('2026-11-23T17:00:00.000Z');
    expect(engineerShiftEnd(evaOnCall, 'emil', '2026-11-23T10:00:00.000Z', '24x7')).toBe('2026-11-23T17:00:00.000Z');
    expect(engineerShiftEnd(evaOnCall, 'eva', '2026-11-23T21:00:00.000Z', '24x7')).toBeUndefined();
  });

  it('follow the holiday hours on a region holiday, instead of the shift and the weekly hours', () => {
    const mondayHoliday = withEvaOnCall(followTheSun, ['2026-11-23']);
    expect(onShift(mondayHoliday, 'eva', '2026-11-23T09:00:00.000Z', '24x7')).toBe(false);
    expect(onShift(mondayHoliday, 'eva', '2026-11-23T11:00:00.000Z', '24x7')).toBe(true);
    expect(onShift(mondayHoliday, 'eva', '2026-11-23T11:00:00.000Z')).toBe(false);
    expect(onShift(mondayHoliday, 'eva', mondayEvening, '24x7')).toBe(false);
    expect(engineerShiftEnd(mondayHoliday, 'eva', '2026-11-23T11:00:00.000Z', '24x7')).toBe('2026-11-23T14:00:00.000Z');
  });

  it('tell when someone with the skill next comes to work', () => {
    // Eva has EMEA's only intune skill with capacity; Tuesday 24 November is an EMEA holiday.
    const tuesdayHoliday = withEvaOnCall(followTheSun, ['2026-11-24']);
    const mondayNight = '2026-11-23T20:30:00.000Z';
    expect(nextSkilledShiftStart(tuesdayHoliday, 'intune', mondayNight)).toBe('2026-11-25T08:00:00.000Z');
    expect(nextSkilledShiftStart(tuesdayHoliday, 'intune', mondayNight, '24x7')).toBe('2026-11-24T10:00:00.000Z');
    // Someone with the skill is at work already: there is nobody further to wait for.
    expect(nextSkilledShiftStart(tuesdayHoliday, 'intune', mondayEvening, '24x7')).toBeUndefined();
    expect(nextSkilledShiftStart(tuesdayHoliday, 'teams', mondayNight, '24x7')).toBeUndefined();
  });

  it('says how each engineer at work is there: on their region’s shift, or only on call', () => {
    // Monday 17:30 UTC: AMER is on shift; Eva is on call for EMEA until 20:00 UTC, her colleagues are off.
    const evening = engineersAtWork(withEvaOnCall(followTheSun), '2026-11-23T17:30:00.000Z', '24x7');
    expect(evening.get('ana')).toBe('on-shift');
    expect(evening.get('eva')).toBe('on-call');
    expect(evening.has('emil')).toBe(false);
  });
});

