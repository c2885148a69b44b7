import { clocksAt, t } from './support/sla-fixtures';

describe('resolution SLA', () => {
  it('runs from intake to closure against the severity target', () => {
    const history = { openedAt: t('09:00'), severity: 'A' as const, firstResponseAt: t('09:30') };
    expect(clocksAt(history, t('12:00')).resolution).toMatchObject({ state: 'running', dueAt: t('09:00', '2026-11-24'), remainingMinutes: 21 * 60 });
    expect(clocksAt({ ...history, closedAt: t('15:00') }, t('18:00')).resolution).toMatchObject({ state: 'met', stoppedAt: t('15:00'), remainingMinutes: 18 * 60 });
  });

  it('is breached when closed after the due instant', () => {
    const history = { openedAt: t('09:00'), severity: 'A' as const, closedAt: t('10:00', '2026-11-24') };
    expect(clocksAt(history, t('12:00', '2026-11-24')).resolution).toMatchObject({ state: 'breached', remainingMinutes: -60 });
  });

  it('keeps paused time out of the resolution clock as well', () => {
    const history = { openedAt: t('09:00'), severity: 'A' as const, pauses: [{ from: t('10:00'), to: t('14:00'), reason: 'resolution-proposed' as const }] };
    expect(clocksAt(history, t('15:00')).resolution).toMatchObject({ pausedMinutes: 240, dueAt: t('13:00', '2026-11-24') });
  });

  it('counts Sev C in working days and skips holidays', () => {
    // Ten working days of eight hours from Monday 2026-12-14 09:00 Paris skip the weekend and Christmas Day.
    const clock = clocksAt({ openedAt: t('08:00', '2026-12-14'), severity: 'C' }, t('08:00', '2026-12-14')).resolution;
    expect(clock).toMatchObject({ targetMinutes: 4800, calendarId: 'emea-hours', dueAt: t('16:00', '2026-12-28') });
  });
});

describe('severity change', () => {
  const pausedEarly = [{ from: t('09:30'), to: t('10:00'), reason: 'awaiting-customer' as const }];

  it('recomputes the targets from the original start and keeps the time already paused', () => {
    const asC = clocksAt({ openedAt: t('09:00'), severity: 'C', pauses: pausedEarly }, t('10:10'))['first-response'];
    const asA = clocksAt({ openedAt: t('09:00'), severity: 'A', severitySince: t('10:05'), pauses: pausedEarly }, t('10:10'))['first-response'];
    expect(asC).toMatchObject({ targetMinutes: 480, calendarId: 'emea-hours', startedAt: t('09:00') });
    expect(asA).toMatchObject({ targetMinutes: 60, calendarId: 'always', startedAt: t('09:00'), pausedMinutes: 30, dueAt: t('10:30'), state: 'running', remainingMinutes: 20 });
  });

  it('gives the new severity a new cycle id so that its alerts are armed again', () => {
    const base = { openedAt: t('09:00'), pauses: pausedEarly };
    const first = clocksAt({ ...base, severity: 'A' }, t('10:10'))['first-response'].cycleId;
    const downgraded = clocksAt({ ...base, severity: 'B', severitySince: t('10:05') }, t('10:10'))['first-response'].cycleId;
    const upgradedAgain = clocksAt({ ...base, severity: 'A', severitySince: t('10:08') }, t('10:10'))['first-response'].cycleId;
    expect(new Set([first, downgraded, upgradedAgain]).size).toBe(3);
  });

  it('keeps the plain cycle id for a severity set at the very instant the cycle started', () => {
    const clock = clocksAt({ openedAt: t('09:00'), severity: 'A', severitySince: t('09:00') }, t('09:10'))['first-response'];
    expect(clock.cycleId).toBe(`${t('09:00')}/A`);
  });

  it('ignores a severity set before the cycle started', () => {
    const clock = clocksAt({ openedAt: t('09:00'), severity: 'A', severitySince: t('08:00') }, t('09:10'))['first-response'];
    expect(clock.cycleId).toBe(`${t('09:00')}/A`);
  });
});
