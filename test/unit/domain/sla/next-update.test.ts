import { clocksAt, t } from './support/sla-fixtures';

describe('next update SLA', () => {
  const answered = { openedAt: t('09:00'), severity: 'A' as const, firstResponseAt: t('09:30'), customerVisibleUpdates: [t('09:30')] };

  it('does not start before the first response', () => {
    const clock = clocksAt({ openedAt: t('09:00'), severity: 'A', customerReplies: [t('09:10')] }, t('09:20'))['next-update'];
    expect(clock).toMatchObject({ state: 'not-started', cycleId: 'not-started', pausedMinutes: 0, remainingMinutes: 60 });
    expect(clock.dueAt).toBeUndefined();
    expect(clock.explanation).toContain('starts with the first response');
  });

  it('starts its first cycle at the first response', () => {
    expect(clocksAt(answered, t('10:00'))['next-update']).toMatchObject({ state: 'running', startedAt: t('09:30'), dueAt: t('10:30'), cycleId: `${t('09:30')}/A` });
  });

  it('starts a new cycle at each later update the customer sees', () => {
    const updated = { ...answered, customerVisibleUpdates: [t('09:30'), t('10:20')] };
    expect(clocksAt(updated, t('10:30'))['next-update']).toMatchObject({ startedAt: t('10:20'), dueAt: t('11:20') });
  });

  it('starts a new cycle at a customer reply that follows our last update', () => {
    const replied = { ...answered, customerReplies: [t('10:10')] };
    expect(clocksAt(replied, t('10:30'))['next-update']).toMatchObject({ startedAt: t('10:10'), dueAt: t('11:10') });
  });

  it('keeps the cycle of our last update when the customer replied before it', () => {
    const history = { ...answered, customerVisibleUpdates: [t('09:30'), t('10:20')], customerReplies: [t('10:10')] };
    expect(clocksAt(history, t('10:30'))['next-update']).toMatchObject({ startedAt: t('10:20') });
  });

  it('ignores customer replies from before the first response', () => {
    expect(clocksAt({ ...answered, customerReplies: [t('09:10')] }, t('10:00'))['next-update']).toMatchObject({ startedAt: t('09:30') });
  });

  it('pauses while awaiting the customer and resumes with the time already used', () => {
    const asked = { ...answered, customerVisibleUpdates: [t('09:30'), t('10:00')], pauses: [{ from: t('10:20'), reason: 'awaiting-customer' as const }] };
    expect(clocksAt(asked, t('11:30'))['next-update']).toMatchObject({ state: 'paused', remainingMinutes: 40, pausedMinutes: 70 });
    const resumed = { ...asked, pauses: [{ from: t('10:20'), to: t('11:30'), reason: 'awaiting-customer' as const }] };
    expect(clocksAt(resumed, t('11:30'))['next-update']).toMatchObject({ state: 'running', dueAt: t('12:10') });
  });

  it('restarts at the reply that ends a wait on the customer', () => {
    const history = {
      ...answered,
      pauses: [{ from: t('09:30'), to: t('13:00'), reason: 'awaiting-customer' as const }],
      customerReplies: [t('13:00')],
    };
    expect(clocksAt(history, t('13:10'))['next-update']).toMatchObject({ state: 'running', startedAt: t('13:00'), pausedMinutes: 0, dueAt: t('14:00') });
  });

  it('is breached when no update follows within the target', () => {
    expect(clocksAt(answered, t('10:45'))['next-update']).toMatchObject({ state: 'breached', remainingMinutes: -15 });
  });

  it('is not restarted by a customer reply or an update that comes after closure', () => {
    const closed = { ...answered, closedAt: t('10:00'), customerReplies: [t('10:30')], customerVisibleUpdates: [t('09:30'), t('10:40')] };
    expect(clocksAt(closed, t('12:00'))['next-update']).toMatchObject({ state: 'met', startedAt: t('09:30'), stoppedAt: t('10:00'), remainingMinutes: 30 });
  });

  it('counts an update at the very instant of closure, which then stops its cycle', () => {
    const closed = { ...answered, closedAt: t('10:00'), customerVisibleUpdates: [t('09:30'), t('10:00')] };
    expect(clocksAt(closed, t('12:00'))['next-update']).toMatchObject({ state: 'met', startedAt: t('10:00'), stoppedAt: t('10:00'), remainingMinutes: 60 });
  });

  it('starts a new cycle at a customer reply sent at the very instant of closure', () => {
    const closed = { ...answered, closedAt: t('10:00'), customerReplies: [t('10:00')] };
    expect(clocksAt(closed, t('12:00'))['next-update']).toMatchObject({ startedAt: t('10:00'), stoppedAt: t('10:00') });
  });

  it('is stopped by closure', () => {
    expect(clocksAt({ ...answered, closedAt: t('10:00') }, t('12:00'))['next-update']).toMatchObject({ state: 'met', stoppedAt: t('10:00'), remainingMinutes: 30 });
  });
});
