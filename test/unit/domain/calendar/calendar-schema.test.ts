import { CalendarSchema } from '../../../../shared/domain/calendar/calendar';

const parisHours = {
  id: 'emea-business-hours',
  kind: 'business-hours',
  timeZone: 'Europe/Paris',
  weekly: { mon: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }], fri: [{ start: '09:00', end: '24:00' }] },
  holidays: ['2026-12-25'],
};

const issuesOf = (input: unknown): string[] => CalendarSchema.safeParse(input).error?.issues.map((issue) => issue.message) ?? [];

describe('calendar schema', () => {
  it('accepts a 24x7 calendar', () => {
    expect(CalendarSchema.parse({ id: 'always', kind: '24x7' })).toEqual({ id: 'always', kind: '24x7' });
  });

  it('accepts several ranges a day and leaves unlisted days closed', () => {
    const calendar = CalendarSchema.parse(parisHours);
    expect(calendar.kind === 'business-hours' && calendar.weekly.sat).toEqual([]);
    expect(calendar.kind === 'business-hours' && calendar.weekly.mon).toHaveLength(2);
  });

  it('rejects a range that ends before it starts', () => {
    expect(issuesOf({ ...parisHours, weekly: { mon: [{ start: '17:00', end: '09:00' }] } })).toContain('end must be after start');
  });

  it('rejects overlapping ranges on the same day', () => {
    expect(issuesOf({ ...parisHours, weekly: { tue: [{ start: '13:00', end: '17:00' }, { start: '09:00', end: '13:30' }] } })).toContain('ranges overlap on tue');
  });

  it('rejects a range that opens and closes at the same minute', () => {
    expect(issuesOf({ ...parisHours, weekly: { mon: [{ start: '09:00', end: '09:00' }] } })).toContain('end must be after start');
  });

  it('accepts ranges that touch, the one closing at the minute the next opens', () => {
    expect(issuesOf({ ...parisHours, weekly: { mon: [{ start: '09:00', end: '12:00' }, { start: '12:00', end: '17:00' }] } })).toEqual([]);
  });

  it('accepts separate ranges listed out of order', () => {
    expect(issuesOf({ ...parisHours, weekly: { wed: [{ start: '13:00', end: '17:00' }, { start: '09:00', end: '12:00' }] } })).toEqual([]);
  });

  it('finds an overlap among ranges listed out of order, whatever their place in the list', () => {
    const shuffled = [{ start: '14:00', end: '18:00' }, { start: '08:00', end: '10:00' }, { start: '09:30', end: '12:00' }];
    expect(issuesOf({ ...parisHours, weekly: { thu: shuffled } })).toEqual(['ranges overlap on thu']);
  });

  it('accepts a range that closes at midnight', () => {
    expect(issuesOf({ ...parisHours, weekly: { sat: [{ start: '20:00', end: '24:00' }] } })).toEqual([]);
  });

  it('points an overlap and a calendar that never opens at the fields to fix', () => {
    const overlap = CalendarSchema.safeParse({ ...parisHours, weekly: { tue: [{ start: '09:00', end: '13:30' }, { start: '13:00', end: '17:00' }] } }).error?.issues;
    expect(overlap).toEqual([expect.objectContaining({ code: 'custom', path: ['weekly', 'tue'], message: 'ranges overlap on tue' })]);
    const neverOpen = CalendarSchema.safeParse({ ...parisHours, weekly: {} }).error?.issues;
    expect(neverOpen).toEqual([expect.objectContaining({ code: 'custom', path: ['weekly'] })]);
  });

  it('rejects a calendar that never opens', () => {
    expect(issuesOf({ ...parisHours, weekly: {} })).toContain('a business-hours calendar needs at least one open range');
  });

  it('rejects unknown time zones, malformed clock times, impossible holidays and a start at 24:00', () => {
    expect(issuesOf({ ...parisHours, timeZone: 'Europe/Atlantis' })).toHaveLength(1);
    expect(issuesOf({ ...parisHours, weekly: { mon: [{ start: '9:00', end: '17:00' }] } })).toHaveLength(1);
    expect(issuesOf({ ...parisHours, holidays: ['2026-02-30'] })).toHaveLength(1);
    expect(issuesOf({ ...parisHours, weekly: { mon: [{ start: '24:00', end: '24:00' }] } })).toContain('a range cannot start at 24:00');
  });
});
