import { DateTime } from 'luxon';
import { type Calendar, CalendarSchema } from '../../../../shared/domain/calendar/calendar';
import { addWorkingMinutes, isWorkingInstant, measureWorkingTime, workingMinutesBetween } from '../../../../shared/domain/calendar/business-time';

/** An instant written as local wall time in a zone, so expectations read like a wall clock. */
const local = (wallTime: string, zone: string): string => {
  const instant = DateTime.fromISO(wallTime, { zone }).toUTC().toISO();
  if (instant === null) throw new Error(`bad wall time ${wallTime}`);
  return instant;
};

const weekdays = (ranges: { start: string; end: string }[]) => ({ mon: ranges, tue: ranges, wed: ranges, thu: ranges, fri: ranges });
const everyDay = (ranges: { start: string; end: string }[]) => ({ ...weekdays(ranges), sat: ranges, sun: ranges });

const businessCalendar = (timeZone: string, weekly: object, holidays: string[] = []): Calendar =>
  CalendarSchema.parse({ id: 'test-hours', kind: 'business-hours', timeZone, weekly, holidays });

const always: Calendar = { id: 'always', kind: '24x7' };
const paris = businessCalendar('Europe/Paris', weekdays([{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }]), ['2026-12-25']);

describe('business time on a 24x7 calendar', () => {
  it('counts every minute', () => {
    expect(addWorkingMinutes(always, '2026-11-21T23:30:00.000Z', 60)).toBe('2026-11-22T00:30:00.000Z');
    expect(workingMinutesBetween(always, '2026-11-21T23:30:00.000Z', '2026-11-22T01:00:00.000Z')).toBe(90);
  });

  it('skips pauses, including one that is still open at the start', () => {
    const pauses = [{ from: '2026-11-21T23:00:00.000Z', to: '2026-11-22T00:00:00.000Z' }];
    expect(addWorkingMinutes(always, '2026-11-21T23:30:00.000Z', 60, pauses)).toBe('2026-11-22T01:00:00.000Z');
    expect(workingMinutesBetween(always, '2026-11-21T22:30:00.000Z', '2026-11-22T01:00:00.000Z', pauses)).toBe(90);
  });

  it('rounds a fraction of a millisecond to the nearest one rather than cutting it off', () => {
    expect(addWorkingMinutes(always, '2026-11-21T23:30:00.000Z', 0.9 / 60_000)).toBe('2026-11-21T23:30:00.001Z');
    expect(addWorkingMinutes(always, '2026-11-21T23:30:00.000Z', 0.4 / 60_000)).toBe('2026-11-21T23:30:00.000Z');
  });

  it('reaches a mark beyond the measured stretch on the clock too, as on business hours', () => {
    const from = Date.parse('2026-11-21T23:30:00.000Z');
    const measure = measureWorkingTime(always, from, from + 60_000, [], [30_000, 600_000]);
    expect(measure).toEqual({ workingMs: 60_000, openMs: 60_000, marksReachedAt: [from + 30_000, from + 600_000] });
  });

  it('adds nothing for zero minutes and counts nothing backwards', () => {
    expect(addWorkingMinutes(always, '2026-11-21T23:30:00.000Z', 0)).toBe('2026-11-21T23:30:00.000Z');
    expect(workingMinutesBetween(always, '2026-11-22T01:00:00.000Z', '2026-11-21T23:30:00.000Z')).toBe(0);
  });
});

describe('business time on business hours', () => {
  const zone = 'Europe/Paris';

  it('ends a deadline at closing time rather than at the next opening', () => {
    expect(addWorkingMinutes(paris, local('2026-11-23T13:00', zone), 240)).toBe(local('2026-11-23T17:00', zone));
  });

  it('adds nothing for zero minutes even while the desk is closed', () => {
    expect(addWorkingMinutes(paris, local('2026-11-28T10:00', zone), 0)).toBe(local('2026-11-28T10:00', zone));
  });

  it('skips the lunch break between two ranges of a day', () => {
    expect(addWorkingMinutes(paris, local('2026-11-23T11:00', zone), 120)).toBe(local('2026-11-23T14:00', zone));
    expect(workingMinutesBetween(paris, local('2026-11-23T11:30', zone), local('2026-11-23T13:30', zone))).toBe(60);
  });

  it('starts counting at the next opening when it starts while closed', () => {
    expect(addWorkingMinutes(paris, local('2026-11-23T06:10', zone), 30)).toBe(local('2026-11-23T09:30', zone));
    expect(addWorkingMinutes(paris, local('2026-11-23T12:15', zone), 30)).toBe(local('2026-11-23T13:30', zone));
  });

  it('skips the weekend', () => {
    expect(addWorkingMinutes(paris, local('2026-11-27T16:00', zone), 120)).toBe(local('2026-11-30T10:00', zone));
    expect(workingMinutesBetween(paris, local('2026-11-27T16:00', zone), local('2026-11-30T10:00', zone))).toBe(120);
  });

  it('skips holidays', () => {
    // 2026-12-25 is a Friday: Thursday afternoon runs on to Monday morning.
    expect(addWorkingMinutes(paris, local('2026-12-24T16:30', zone), 60)).toBe(local('2026-12-28T09:30', zone));
  });

  it('skips a pause that spans the closed night and weekend', () => {
    const pauses = [{ from: local('2026-11-27T16:30', zone), to: local('2026-11-30T09:30', zone) }];
    expect(addWorkingMinutes(paris, local('2026-11-27T16:00', zone), 60, pauses)).toBe(local('2026-11-30T10:00', zone));
    expect(workingMinutesBetween(paris, local('2026-11-27T16:00', zone), local('2026-11-30T12:00', zone), pauses)).toBe(30 + 150);
  });

  it('keeps sub-minute precision', () => {
    expect(addWorkingMinutes(paris, '2026-11-23T08:00:30.000Z', 0.5)).toBe('2026-11-23T08:01:00.000Z');
    expect(workingMinutesBetween(paris, '2026-11-23T08:00:00.000Z', '2026-11-23T08:00:30.000Z')).toBe(0.5);
  });

  it('closes a range written to end at 24:00 at midnight', () => {
    const lateDesk = businessCalendar(zone, { fri: [{ start: '20:00', end: '24:00' }] });
    expect(workingMinutesBetween(lateDesk, local('2026-11-27T00:00', zone), local('2026-11-30T00:00', zone))).toBe(240);
  });

  it('measures working and open time and reaches each mark in one walk, a mark at closing time included', () => {
    const ms = (wallTime: string) => Date.parse(local(wallTime, zone));
    const minutes = (count: number) => count * 60_000;
    // From Friday's lunch break to Monday 10:00 the desk is open 300 minutes, 30 of them paused on Monday morning.
    const pause = { start: ms('2026-11-30T09:00'), end: ms('2026-11-30T09:30') };
    const measure = measureWorkingTime(paris, ms('2026-11-27T12:30'), ms('2026-11-30T10:00'), [pause], [0, minutes(240), minutes(270), minutes(330)]);
    expect(measure.openMs).toBe(minutes(300));
    expect(measure.workingMs).toBe(minutes(270));
    // A mark of nothing is reached at once, closed or not; 240 minutes at Friday's closing, not at
    // Monday's opening; a mark beyond the measured stretch is still found, further on.
    expect(measure.marksReachedAt).toEqual([ms('2026-11-27T12:30'), ms('2026-11-27T17:00'), ms('2026-11-30T10:00'), ms('2026-11-30T11:00')]);
  });

  it('says whether the desk is open at an instant', () => {
    expect(isWorkingInstant(paris, local('2026-11-23T09:00', zone))).toBe(true);
    expect(isWorkingInstant(paris, local('2026-11-23T12:30', zone))).toBe(false);
    expect(isWorkingInstant(paris, local('2026-12-25T10:00', zone))).toBe(false);
    expect(isWorkingInstant(always, '2026-12-25T03:00:00.000Z')).toBe(true);
  });

  it('reports no deadline when holidays keep the calendar closed beyond the search horizon', () => {
    const mondays = Array.from({ length: 600 }, (_, week) => DateTime.utc(2026, 11, 23).plus({ weeks: week }).toISODate() ?? '');
    const buried = businessCalendar(zone, { mon: [{ start: '09:00', end: '10:00' }] }, mondays);
    expect(addWorkingMinutes(buried, '2026-11-22T00:00:00.000Z', 1)).toBeUndefined();
  });
});

describe('business time across daylight-saving changes', () => {
  const cases = [
    { region: 'Europe', zone: 'Europe/Paris', springForward: '2026-03-29', fallBack: '2026-10-25' },
    { region: 'America', zone: 'America/New_York', springForward: '2026-03-08', fallBack: '2026-11-01' },
  ];

  describe.each(cases)('in $region', ({ zone, springForward, fallBack }) => {
    const desk = businessCalendar(zone, everyDay([{ start: '09:00', end: '17:00' }]));
    const nightDesk = businessCalendar(zone, everyDay([{ start: '00:00', end: '06:00' }]));

    it('keeps a 09:00–17:00 day at eight hours on both change days', () => {
      for (const date of [springForward, fallBack]) {
        expect(workingMinutesBetween(desk, local(`${date}T00:00`, zone), local(`${date}T23:00`, zone))).toBe(480);
        expect(addWorkingMinutes(desk, local(`${date}T09:00`, zone), 480)).toBe(local(`${date}T17:00`, zone));
      }
    });

    it('measures a range across the spring-forward gap in real elapsed minutes', () => {
      expect(workingMinutesBetween(nightDesk, local(`${springForward}T00:00`, zone), local(`${springForward}T12:00`, zone))).toBe(300);
      expect(addWorkingMinutes(nightDesk, local(`${springForward}T00:00`, zone), 300)).toBe(local(`${springForward}T06:00`, zone));
    });

    it('measures a range across the fall-back overlap in real elapsed minutes', () => {
      expect(workingMinutesBetween(nightDesk, local(`${fallBack}T00:00`, zone), local(`${fallBack}T12:00`, zone))).toBe(420);
      expect(addWorkingMinutes(nightDesk, local(`${fallBack}T00:00`, zone), 420)).toBe(local(`${fallBack}T06:00`, zone));
    });

    it('counts both passes of a range inside the repeated hour, and only the real part of one in the gap', () => {
      const repeated = businessCalendar(zone, everyDay([{ start: '01:15', end: '01:45' }]));
      const eu = zone.startsWith('Europe');
      const inRepeatedHour = eu ? businessCalendar(zone, everyDay([{ start: '02:15', end: '02:45' }])) : repeated;
      expect(workingMinutesBetween(inRepeatedHour, local(`${fallBack}T00:00`, zone), local(`${fallBack}T12:00`, zone))).toBe(60);
      const straddlingGap = businessCalendar(zone, everyDay([{ start: '02:30', end: '03:15' }]));
      expect(workingMinutesBetween(straddlingGap, local(`${springForward}T00:00`, zone), local(`${springForward}T12:00`, zone))).toBe(15);
    });
  });
});
