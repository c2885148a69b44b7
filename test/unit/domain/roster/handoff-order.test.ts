import { nextRegion, nextRegionOnShift } from '../../../../shared/domain/roster/handoff-order';
import { RosterSchema } from '../../../../shared/domain/roster/roster';
import { followTheSun, withEvaOnCall, withHolidays } from './support/roster-fixtures';

describe('follow-the-sun handoff order', () => {
  it('goes AMER → EMEA → APAC → AMER', () => {
    expect(nextRegion(followTheSun, 'AMER')).toBe('EMEA');
    expect(nextRegion(followTheSun, 'EMEA')).toBe('APAC');
    expect(nextRegion(followTheSun, 'APAC')).toBe('AMER');
  });

  it('follows a configured order', () => {
    const reversed = RosterSchema.parse({ ...followTheSun, handoffOrder: ['APAC', 'EMEA', 'AMER'] });
    expect(nextRegion(reversed, 'APAC')).toBe('EMEA');
    expect(nextRegion(reversed, 'AMER')).toBe('APAC');
  });

  it('hands off to the next region on shift', () => {
    // 00:30 UTC on a November Monday: AMER (until 01:00) and APAC (since 23:00) work, EMEA does not.
    expect(nextRegionOnShift(followTheSun, 'AMER', '2026-11-23T00:30:00.000Z')).toBe('APAC');
    // 08:30 UTC: EMEA has started and comes first after AMER.
    expect(nextRegionOnShift(followTheSun, 'AMER', '2026-11-23T08:30:00.000Z')).toBe('EMEA');
  });

  it('skips a region on holiday', () => {
    const emeaHoliday = withHolidays(followTheSun, 'EMEA', ['2026-12-25']);
    expect(nextRegionOnShift(emeaHoliday, 'AMER', '2026-12-25T08:30:00.000Z')).toBe('APAC');
  });

  it('keeps the ticket in its region when no other region works, and gives up when none does', () => {
    const emeaOnly = RosterSchema.parse({ ...followTheSun, regions: followTheSun.regions.filter((region) => region.id === 'EMEA'), engineers: [] });
    expect(nextRegionOnShift(emeaOnly, 'EMEA', '2026-11-23T10:00:00.000Z')).toBe('EMEA');
    expect(nextRegionOnShift(emeaOnly, 'EMEA', '2026-11-23T20:00:00.000Z')).toBeUndefined();
  });

  it('counts a region whose engineers are on call as on shift for 24x7 work only', () => {
    // 17:30 UTC on a November Monday: AMER works, EMEA's shift is over but Eva is on call, APAC is off.
    const evaOnCall = withEvaOnCall(followTheSun);
    expect(nextRegionOnShift(evaOnCall, 'AMER', '2026-11-23T17:30:00.000Z', '24x7')).toBe('EMEA');
    expect(nextRegionOnShift(evaOnCall, 'AMER', '2026-11-23T17:30:00.000Z')).toBe('AMER');
  });
});
