import { type ShiftOrder, nextRegionOnShift, sameCycle, shiftOrder, startingAt } from '../../../../shared/domain/roster/handoff-order';
import { RosterSchema } from '../../../../shared/domain/roster/roster-schema';
import { followTheSun, withEvaOnCall, withHolidays } from './support/roster-fixtures';

/** A roster of regions on UTC, each with the same shifts every day. */
const utcRoster = (shifts: Record<string, { start: string; end: string }[]>) =>
  RosterSchema.parse({
    ...followTheSun,
    engineers: [],
    regions: Object.entries(shifts).map(([id, day]) => ({ id, timeZone: 'UTC', shifts: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day } })),
  });
const fromApac = (order: ShiftOrder) => (order.ok ? startingAt(order.order, 'APAC') : order.reason);

describe('follow-the-sun handoff order', () => {
  it('is the order in which the shifts follow each other around the clock: APAC → EMEA → AMER', () => {
    // In UTC: APAC 23:00–09:00, EMEA 08:00–17:00, AMER 16:00–01:00 (an hour earlier in summer).
    expect(fromApac(shiftOrder(followTheSun.regions))).toEqual(['APAC', 'EMEA', 'AMER']);
  });

  it('hands off to the region on shift whose shift began last', () => {
    // 00:30 UTC on a November Monday: AMER (until 01:00) and APAC (since 23:00) work, EMEA does not.
    expect(nextRegionOnShift(followTheSun, 'AMER', '2026-11-23T00:30:00.000Z')).toBe('APAC');
    expect(nextRegionOnShift(followTheSun, 'EMEA', '2026-11-23T00:30:00.000Z')).toBe('APAC');
    // 17:00 UTC, EMEA's shift ends: AMER has worked since 16:00, APAC is off.
    expect(nextRegionOnShift(followTheSun, 'EMEA', '2026-11-23T17:00:00.000Z')).toBe('AMER');
    // 01:00 UTC, AMER's shift ends: APAC has worked since 23:00.
    expect(nextRegionOnShift(followTheSun, 'AMER', '2026-11-23T01:00:00.000Z')).toBe('APAC');
  });

  it('sends a ticket handed over late to where the sun is now, not to the region about to stop', () => {
    // 08:30 UTC: APAC stops at 09:00, EMEA began at 08:00; AMER's shift ended hours ago.
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
    expect(shiftOrder(emeaOnly.regions)).toEqual({ ok: true, order: ['EMEA'] });
  });

  it('counts a region whose engineers are on call as on shift for 24x7 work only', () => {
    // 17:30 UTC on a November Monday: AMER works, EMEA's shift is over but Eva is on call, APAC is off.
    const evaOnCall = withEvaOnCall(followTheSun);
    expect(nextRegionOnShift(evaOnCall, 'AMER', '2026-11-23T17:30:00.000Z', '24x7')).toBe('EMEA');
    expect(nextRegionOnShift(evaOnCall, 'AMER', '2026-11-23T17:30:00.000Z')).toBe('AMER');
  });

  it('finds no order when a region hands over to different regions on different days', () => {
    const daily = (start: string, end: string) => ({ mon: [{ start, end }], tue: [{ start, end }], wed: [{ start, end }], thu: [{ start, end }], fri: [{ start, end }] });
    const shuffled = RosterSchema.parse({
      ...followTheSun,
      // AMER works 09:00–17:00 UTC on weekdays, EMEA only on Mondays and APAC only on Tuesdays, both from 16:00 UTC.
      regions: [
        { id: 'AMER', timeZone: 'UTC', shifts: daily('09:00', '17:00') },
        { id: 'EMEA', timeZone: 'UTC', shifts: { mon: [{ start: '16:00', end: '23:00' }] } },
        { id: 'APAC', timeZone: 'UTC', shifts: { tue: [{ start: '16:00', end: '23:00' }] } },
      ],
    });
    const order = shiftOrder(shuffled.regions);
    expect(order.ok).toBe(false);
    expect(order.ok ? '' : order.reason).toContain('AMER hands over to EMEA or APAC');
  });

  it('takes a region at work from the instant its shift starts, and not at the instant it ends', () => {
    // 08:00 UTC: EMEA starts as APAC works on; 09:00 UTC: APAC stops as EMEA works on.
    expect(nextRegionOnShift(followTheSun, 'APAC', '2026-11-23T08:00:00.000Z')).toBe('EMEA');
    expect(nextRegionOnShift(followTheSun, 'EMEA', '2026-11-23T09:00:00.000Z')).toBe('EMEA');
  });

  it('sends a ticket to the region listed first when two began at the same instant', () => {
    const sameStart = RosterSchema.parse({
      ...followTheSun,
      engineers: [],
      regions: [
        { id: 'AMER', timeZone: 'UTC', shifts: { mon: [{ start: '08:00', end: '17:00' }] } },
        { id: 'EMEA', timeZone: 'UTC', shifts: { mon: [{ start: '12:00', end: '20:00' }] } },
        { id: 'APAC', timeZone: 'UTC', shifts: { mon: [{ start: '12:00', end: '20:00' }] } },
      ],
    });
    expect(nextRegionOnShift(sameStart, 'AMER', '2026-11-23T13:00:00.000Z')).toBe('EMEA');
  });

  it('finds no order when a region works around the clock and so never hands over', () => {
    const roundTheClock = RosterSchema.parse({
      ...followTheSun,
      engineers: [],
      regions: [
        { id: 'AMER', timeZone: 'UTC', shifts: { mon: [{ start: '09:00', end: '17:00' }], tue: [{ start: '09:00', end: '17:00' }] } },
        { id: 'EMEA', timeZone: 'UTC', shifts: { mon: [{ start: '00:00', end: '24:00' }], tue: [{ start: '00:00', end: '24:00' }], wed: [{ start: '00:00', end: '24:00' }], thu: [{ start: '00:00', end: '24:00' }], fri: [{ start: '00:00', end: '24:00' }], sat: [{ start: '00:00', end: '24:00' }], sun: [{ start: '00:00', end: '24:00' }] } },
      ],
    });
    expect(shiftOrder(roundTheClock.regions)).toEqual({ ok: false, reason: 'AMER → EMEA does not come back to AMER' });
  });

  it('follows a region whose shift ends with nobody at work to the one whose shift starts next, wherever it is listed', () => {
    // In UTC every day: AMER 09:00–17:00, then nobody until EMEA at 18:00 (APAC, listed before it, starts at 01:00).
    const withGaps = utcRoster({ AMER: [{ start: '09:00', end: '17:00' }], APAC: [{ start: '01:00', end: '08:00' }], EMEA: [{ start: '18:00', end: '23:00' }] });
    expect(shiftOrder(withGaps.regions)).toEqual({ ok: true, order: ['AMER', 'EMEA', 'APAC'] });
  });

  it('hands over only at the end of a region\'s day, not at a break it comes back from', () => {
    const withBreak = utcRoster({ AMER: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }], EMEA: [{ start: '18:00', end: '23:00' }], APAC: [{ start: '01:00', end: '08:00' }] });
    expect(shiftOrder(withBreak.regions)).toEqual({ ok: true, order: ['AMER', 'EMEA', 'APAC'] });
  });

  it('hands over to the region listed first when two start next at the same instant', () => {
    // At 17:00 nobody works and EMEA and APAC both start at 18:00: EMEA, listed first, takes over, so APAC is never reached.
    const tie = utcRoster({ AMER: [{ start: '09:00', end: '17:00' }], EMEA: [{ start: '18:00', end: '23:00' }], APAC: [{ start: '18:00', end: '22:00' }] });
    expect(shiftOrder(tie.regions)).toEqual({ ok: false, reason: 'the shifts go round AMER → EMEA and never reach APAC' });
  });

  it('finds no order when no region ever hands over, because the other has no shifts', () => {
    const lonely = utcRoster({ AMER: [{ start: '09:00', end: '17:00' }], EMEA: [] });
    expect(shiftOrder(lonely.regions)).toEqual({ ok: false, reason: 'no shift is followed by another region’s' });
  });

  it('finds no order when the shifts come round without reaching the first region again', () => {
    // APAC works 09:00–10:00 inside EMEA's day and hands back to EMEA; EMEA hands to AMER, and AMER to EMEA the next morning.
    const detour = utcRoster({ APAC: [{ start: '09:00', end: '10:00' }], EMEA: [{ start: '08:00', end: '16:00' }], AMER: [{ start: '16:00', end: '24:00' }] });
    expect(shiftOrder(detour.regions)).toEqual({ ok: false, reason: 'APAC → EMEA → AMER → EMEA comes round without reaching APAC again' });
  });

  it('finds no order when the shifts go round without ever reaching a region', () => {
    // APAC works 10:00–11:00 inside EMEA's day: it hands over to EMEA, but nobody hands over to APAC.
    const unreached = utcRoster({ EMEA: [{ start: '08:00', end: '16:00' }], AMER: [{ start: '16:00', end: '24:00' }], APAC: [{ start: '10:00', end: '11:00' }] });
    expect(shiftOrder(unreached.regions)).toEqual({ ok: false, reason: 'the shifts go round EMEA → AMER and never reach APAC' });
  });

  it('turns an order to start at a region, and leaves it as it is for a region it does not name', () => {
    expect(startingAt(['APAC', 'EMEA', 'AMER'], 'AMER')).toEqual(['AMER', 'APAC', 'EMEA']);
    expect(startingAt(['APAC', 'EMEA', 'AMER'], 'APAC')).toEqual(['APAC', 'EMEA', 'AMER']);
    expect(startingAt(['APAC', 'EMEA'], 'AMER')).toEqual(['APAC', 'EMEA']);
    expect(startingAt(['APAC', 'EMEA'], undefined)).toEqual(['APAC', 'EMEA']);
  });

  it('tells the same cycle wherever it starts, and never one of another length', () => {
    expect(sameCycle(['EMEA', 'AMER', 'APAC'], ['APAC', 'EMEA', 'AMER'])).toBe(true);
    expect(sameCycle(['EMEA', 'APAC', 'AMER'], ['APAC', 'EMEA', 'AMER'])).toBe(false);
    expect(sameCycle(['EMEA', 'AMER'], ['EMEA', 'AMER', 'APAC'])).toBe(false);
    expect(sameCycle([], ['EMEA'])).toBe(false);
    expect(sameCycle([], [])).toBe(true);
  });
});

