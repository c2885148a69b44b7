import { DateTime } from 'luxon';
import { CalendarSchema } from '../../../../shared/domain/calendar/calendar';
import { slaClocks } from '../../../../shared/domain/sla/sla-clocks';
import { SlaHistorySchema } from '../../../../shared/domain/sla/sla-history';
import { clocksAt, policy, t } from './support/sla-fixtures';

describe('first response SLA', () => {
  const opened = { openedAt: t('09:00'), severity: 'A' as const };

  it('runs from intake against the Sev A target on the 24x7 calendar', () => {
    const clock = clocksAt(opened, t('09:30'))['first-response'];
    expect(clock).toMatchObject({
      state: 'running',
      startedAt: t('09:00'),
      targetMinutes: 60,
      calendarId: 'always',
      pausedMinutes: 0,
      dueAt: t('10:00'),
      warningAt: t('09:45'),
      remainingMinutes: 30,
      cycleId: `${t('09:00')}/A`,
    });
    expect(clock.stoppedAt).toBeUndefined();
  });

  it('is met by a first response before the due instant', () => {
    const clock = clocksAt({ ...opened, firstResponseAt: t('09:40'), customerVisibleUpdates: [t('09:40')] }, t('11:00'))['first-response'];
    expect(clock).toMatchObject({ state: 'met', stoppedAt: t('09:40'), remainingMinutes: 20 });
  });

  it('takes the first customer-visible update as the response when none is named', () => {
    const clock = clocksAt({ ...opened, customerVisibleUpdates: [t('09:50'), t('10:30')] }, t('11:00'))['first-response'];
    expect(clock).toMatchObject({ state: 'met', stoppedAt: t('09:50') });
  });

  it('is met by a response at the very instant it falls due', () => {
    const clock = clocksAt({ ...opened, firstResponseAt: t('10:00') }, t('11:00'))['first-response'];
    expect(clock).toMatchObject({ state: 'met', stoppedAt: t('10:00'), remainingMinutes: 0 });
  });

  it('stays breached when the response came late', () => {
    const clock = clocksAt({ ...opened, firstResponseAt: t('10:20') }, t('11:00'))['first-response'];
    expect(clock).toMatchObject({ state: 'breached', stoppedAt: t('10:20'), remainingMinutes: -20 });
  });

  it('is breached once the due instant passes without a response, with negative minutes left', () => {
    expect(clocksAt(opened, t('10:00'))['first-response']).toMatchObject({ state: 'breached', remainingMinutes: 0 });
    expect(clocksAt(opened, t('10:05'))['first-response']).toMatchObject({ state: 'breached', remainingMinutes: -5 });
  });

  it('pauses while awaiting the customer and projects the due instant as if it resumed now', () => {
    const waiting = { ...opened, pauses: [{ from: t('09:10'), reason: 'awaiting-customer' as const }] };
    const clock = clocksAt(waiting, t('09:20'))['first-response'];
    expect(clock).toMatchObject({ state: 'paused', pausedBy: 'awaiting-customer', pausedMinutes: 10, remainingMinutes: 50, dueAt: t('10:10') });
  });

  it('moves the due instant by the length of a finished pause', () => {
    const clock = clocksAt({ ...opened, pauses: [{ from: t('09:10'), to: t('09:40'), reason: 'awaiting-customer' }] }, t('09:50'))['first-response'];
    expect(clock).toMatchObject({ state: 'running', pausedMinutes: 30, dueAt: t('10:30'), warningAt: t('10:15'), remainingMinutes: 40 });
  });

  it('pauses while a proposed resolution waits for the customer', () => {
    const clock = clocksAt({ ...opened, pauses: [{ from: t('09:10'), reason: 'resolution-proposed' }] }, t('09:30'))['first-response'];
    expect(clock.state).toBe('paused');
  });

  it('keeps running while awaiting the vendor unless the policy pauses for it', () => {
    const withVendor = { ...opened, pauses: [{ from: t('09:10'), reason: 'awaiting-vendor' as const }] };
    expect(clocksAt(withVendor, t('09:30'))['first-response']).toMatchObject({ state: 'running', pausedMinutes: 0, dueAt: t('10:00') });
    const vendorPausing = { ...policy, pauseWhileAwaitingVendor: true };
    expect(clocksAt(withVendor, t('09:30'), vendorPausing)['first-response']).toMatchObject({ state: 'paused', pausedBy: 'awaiting-vendor' });
  });

  it('counts Sev B in working minutes of business hours, across the weekend', () => {
    // Friday 16:00 in Paris is 15:00 UTC; 4 working hours run to Monday 12:00 Paris (11:00 UTC).
    const clock = clocksAt({ openedAt: t('15:00', '2026-11-27'), severity: 'B' }, t('20:00', '2026-11-27'))['first-response'];
    expect(clock).toMatchObject({ state: 'running', calendarId: 'emea-hours', targetMinutes: 240, dueAt: t('11:00', '2026-11-30'), remainingMinutes: 180 });
  });

  it('counts pauses that span closed hours only for the working minutes they cover', () => {
    const history = { openedAt: t('15:00', '2026-11-27'), severity: 'B' as const, pauses: [{ from: t('15:30', '2026-11-27'), to: t('09:00', '2026-11-30'), reason: 'awaiting-customer' as const }] };
    const clock = clocksAt(history, t('09:00', '2026-11-30'))['first-response'];
    // Paris time: 30 working minutes paused on Friday (16:30–17:00) and 60 on Monday (09:00–10:00);
    // 30 minutes counted on Friday leave 210 from Monday 10:00, so due 13:30 Paris, 12:30 UTC.
    expect(clock).toMatchObject({ state: 'running', pausedMinutes: 90, dueAt: t('12:30', '2026-11-30') });
  });

  it('keeps the due instant it had when answered, whatever wait begins afterwards', () => {
    const answered = { ...opened, firstResponseAt: t('09:40'), customerVisibleUpdates: [t('09:40')], pauses: [{ from: t('09:50'), reason: 'resolution-proposed' as const }] };
    expect(clocksAt(answered, t('10:30'))['first-response']).toMatchObject({ state: 'met', stoppedAt: t('09:40'), dueAt: t('10:00'), pausedMinutes: 0 });
  });

  it('is stopped by closure before any response', () => {
    const clock = clocksAt({ ...opened, closedAt: t('09:20') }, t('12:00'))['first-response'];
    expect(clock).toMatchObject({ state: 'met', stoppedAt: t('09:20') });
  });

  it('is met by a response sent at the very instant of closure', () => {
    const clocks = clocksAt({ ...opened, firstResponseAt: t('09:20'), customerVisibleUpdates: [t('09:20')], closedAt: t('09:20') }, t('12:00'));
    expect(clocks['first-response']).toMatchObject({ state: 'met', stoppedAt: t('09:20') });
    // The response started the update cadence, which the closure stopped at once.
    expect(clocks['next-update']).toMatchObject({ state: 'met', startedAt: t('09:20'), stoppedAt: t('09:20') });
  });

  it('is not moved by a response or an update sent after closure', () => {
    const afterClosure = { ...opened, closedAt: t('09:20'), firstResponseAt: t('09:40'), customerVisibleUpdates: [t('09:40')] };
    const clocks = clocksAt(afterClosure, t('12:00'));
    expect(clocks['first-response']).toMatchObject({ state: 'met', stoppedAt: t('09:20'), remainingMinutes: 40 });
    expect(clocks['next-update']).toMatchObject({ state: 'not-started' });
    const updatedOnly = clocksAt({ ...opened, closedAt: t('09:20'), customerVisibleUpdates: [t('09:40')] }, t('12:00'));
    expect(updatedOnly['first-response']).toMatchObject({ state: 'met', stoppedAt: t('09:20') });
  });

  it('counts an update sent at the very instant the ticket opened or reopened as the first response', () => {
    const clocks = clocksAt({ ...opened, customerVisibleUpdates: [t('09:00')] }, t('09:30'));
    expect(clocks['first-response']).toMatchObject({ state: 'met', stoppedAt: t('09:00'), remainingMinutes: 60 });
    const reopened = clocksAt({ openedAt: t('12:00'), severity: 'A', firstResponseAt: t('09:10'), customerVisibleUpdates: [t('09:10'), t('12:00')] }, t('12:30'));
    expect(reopened['first-response']).toMatchObject({ state: 'met', startedAt: t('12:00'), stoppedAt: t('12:00') });
  });

  it('ignores entries after now, so a past moment can be replayed', () => {
    const clock = clocksAt({ ...opened, firstResponseAt: t('09:40'), closedAt: t('12:00') }, t('09:30'))['first-response'];
    expect(clock).toMatchObject({ state: 'running', remainingMinutes: 30 });
  });

  it('is not stopped by the closure of the ticket before its reopen', () => {
    const reopened = { openedAt: t('12:00'), severity: 'A' as const, closedAt: t('11:00') };
    const clocks = clocksAt(reopened, t('12:30'));
    expect(clocks['first-response']).toMatchObject({ state: 'running', startedAt: t('12:00'), remainingMinutes: 30 });
    expect(clocks['first-response'].stoppedAt).toBeUndefined();
    expect(clocks.resolution).toMatchObject({ state: 'running' });
  });

  it('starts again at a reopen and ignores the earlier life of the ticket', () => {
    const clock = clocksAt({ openedAt: t('12:00'), severity: 'A', firstResponseAt: t('09:10'), customerVisibleUpdates: [t('09:10')] }, t('12:30'))['first-response'];
    expect(clock).toMatchObject({ state: 'running', startedAt: t('12:00'), dueAt: t('13:00') });
  });

  it('has no due instant on a calendar that holidays keep closed beyond the search horizon, and is met whenever it stops', () => {
    const mondays = Array.from({ length: 600 }, (_, week) => DateTime.utc(2026, 11, 23).plus({ weeks: week }).toISODate() ?? '');
    const buried = CalendarSchema.parse({ id: 'buried', kind: 'business-hours', timeZone: 'UTC', weekly: { mon: [{ start: '09:00', end: '10:00' }] }, holidays: mondays });
    const onBuried = { ...policy, targets: { ...policy.targets, A: { ...policy.targets.A, calendarId: 'buried' } } };
    const clocksOf = (history: object) => {
      const result = slaClocks({ history: SlaHistorySchema.parse(history), policy: onBuried, calendars: [buried], now: t('12:00') });
      return result.ok ? result.clocks : [];
    };
    const [running] = clocksOf(opened);
    expect(running).toMatchObject({ state: 'running', remainingMinutes: 60 });
    expect(running).not.toHaveProperty('dueAt');
    expect(running).not.toHaveProperty('warningAt');
    const [answered] = clocksOf({ ...opened, firstResponseAt: t('11:00') });
    expect(answered).toMatchObject({ state: 'met', stoppedAt: t('11:00') });
    expect(answered).not.toHaveProperty('dueAt');
  });

  it('explains the deadline in one line with target, calendar, pause and due instant', () => {
    const clock = clocksAt({ ...opened, pauses: [{ from: t('09:10'), to: t('09:40'), reason: 'awaiting-customer' }] }, t('09:50'))['first-response'];
    expect(clock.explanation).toBe(
      `First response (Sev A): target 60 min on calendar always (24x7); started ${t('09:00')}, 30 min paused; due ${t('10:30')}, 40 min left.`,
    );
    expect(clock.explanation).not.toContain('\n');
  });
});
