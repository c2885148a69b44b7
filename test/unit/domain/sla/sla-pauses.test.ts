import { clocksAt, t } from './support/sla-fixtures';

/** Replaying a ticket at any past moment must show the clocks as they stood then, pauses included. */
describe('SLA pauses seen at a given moment', () => {
  const opened = { openedAt: t('09:00'), severity: 'A' as const };
  const waitedFrom0910To0940 = { ...opened, pauses: [{ from: t('09:10'), to: t('09:40'), reason: 'awaiting-customer' as const }] };

  it('does not stop the clock for a wait that has not begun yet', () => {
    const waitingLater = { ...opened, pauses: [{ from: t('09:40'), reason: 'awaiting-customer' as const }] };
    const clock = clocksAt(waitingLater, t('09:20'))['first-response'];
    expect(clock).toMatchObject({ state: 'running', pausedMinutes: 0, dueAt: t('10:00'), remainingMinutes: 40 });
    expect(clock.pausedBy).toBeUndefined();
  });

  it('shows a moment inside a wait that later ended as paused', () => {
    const clock = clocksAt(waitedFrom0910To0940, t('09:20'))['first-response'];
    expect(clock).toMatchObject({ state: 'paused', pausedBy: 'awaiting-customer', pausedMinutes: 10, remainingMinutes: 50, dueAt: t('10:10') });
  });

  it('is paused from the very instant the wait begins', () => {
    const waitingNow = { ...opened, pauses: [{ from: t('09:10'), reason: 'awaiting-customer' as const }] };
    expect(clocksAt(waitingNow, t('09:10'))['first-response']).toMatchObject({ state: 'paused', pausedBy: 'awaiting-customer', pausedMinutes: 0 });
  });

  it('runs again from the very instant the wait ends', () => {
    const clock = clocksAt(waitedFrom0910To0940, t('09:40'))['first-response'];
    expect(clock).toMatchObject({ state: 'running', pausedMinutes: 30, dueAt: t('10:30') });
    expect(clock.pausedBy).toBeUndefined();
  });

  it('stays breached while the ticket waits on the customer after its due instant, without a pause reason', () => {
    const waitingAfterBreach = { ...opened, pauses: [{ from: t('10:10'), reason: 'awaiting-customer' as const }] };
    const clock = clocksAt(waitingAfterBreach, t('10:30'))['first-response'];
    expect(clock).toMatchObject({ state: 'breached', pausedMinutes: 20, remainingMinutes: -10 });
    expect(clock.pausedBy).toBeUndefined();
  });

  it('counts only the part of a later-ended wait that lies before the moment shown', () => {
    expect(clocksAt(waitedFrom0910To0940, t('09:30')).resolution).toMatchObject({ state: 'paused', pausedMinutes: 20 });
  });
});
