import { dueSlaAlerts, nextSlaInstant } from '../../../../shared/domain/sla/sla-alerts';
import { clocksAt, t } from './support/sla-fixtures';

const clockList = (...args: Parameters<typeof clocksAt>) => Object.values(clocksAt(...args));
const opened = { openedAt: t('09:00'), severity: 'A' as const };

describe('SLA alerts', () => {
  it('raises the warning once its instant has passed', () => {
    const alerts = dueSlaAlerts(clockList(opened, t('09:50')), [], t('09:50'));
    expect(alerts.map((alert) => alert.key)).toEqual([`first-response:${t('09:00')}/A:warning`]);
    expect(alerts[0]).toMatchObject({ kind: 'warning', metric: 'first-response', dueAt: t('09:45') });
    expect(alerts[0]?.explanation).toContain('nearing its target');
  });

  it('raises the warning and the breach at the very instant each falls due', () => {
    expect(dueSlaAlerts(clockList(opened, t('09:45')), [], t('09:45')).map((alert) => alert.kind)).toEqual(['warning']);
    const breach = dueSlaAlerts(clockList(opened, t('10:00')), [], t('10:00'));
    expect(breach).toHaveLength(1);
    expect(breach[0]).toMatchObject({ key: `first-response:${t('09:00')}/A:breach`, kind: 'breach', metric: 'first-response', cycleId: `${t('09:00')}/A`, dueAt: t('10:00') });
    expect(breach[0]?.explanation).toMatch(/^SLA breached\. First response \(Sev A\)/);
  });

  it('raises nothing before the warning instant', () => {
    expect(dueSlaAlerts(clockList(opened, t('09:44')), [], t('09:44'))).toEqual([]);
  });

  it('raises each alert at most once per cycle', () => {
    const raised = dueSlaAlerts(clockList(opened, t('09:50')), [], t('09:50')).map((alert) => alert.key);
    expect(dueSlaAlerts(clockList(opened, t('09:55')), raised, t('09:55'))).toEqual([]);
    const breach = dueSlaAlerts(clockList(opened, t('10:01')), raised, t('10:01'));
    expect(breach.map((alert) => alert.kind)).toEqual(['breach']);
    expect(dueSlaAlerts(clockList(opened, t('10:30')), [...raised, ...breach.map((alert) => alert.key)], t('10:30'))).toEqual([]);
  });

  it('raises only the breach when both instants passed unseen', () => {
    const alerts = dueSlaAlerts(clockList(opened, t('10:05')), [], t('10:05'));
    expect(alerts.map((alert) => alert.key)).toEqual([`first-response:${t('09:00')}/A:breach`]);
    expect(dueSlaAlerts(clockList(opened, t('10:06')), alerts.map((alert) => alert.key), t('10:06'))).toEqual([]);
  });

  it('raises nothing for a metric already met', () => {
    const answered = { ...opened, firstResponseAt: t('09:50') };
    const alerts = dueSlaAlerts(clockList(answered, t('09:55')), [], t('09:55'));
    expect(alerts.filter((alert) => alert.metric === 'first-response')).toEqual([]);
  });

  it('raises nothing for a clock stopped after its due instant', () => {
    const lateAnswer = { ...opened, firstResponseAt: t('10:20') };
    expect(dueSlaAlerts(clockList(lateAnswer, t('10:25')), [], t('10:25')).filter((alert) => alert.metric === 'first-response')).toEqual([]);
  });

  it('raises no breach while paused, but still the warning that fell due before the pause', () => {
    const waiting = { ...opened, pauses: [{ from: t('09:50'), reason: 'awaiting-customer' as const }] };
    const alerts = dueSlaAlerts(clockList(waiting, t('11:00')), [], t('11:00'));
    expect(alerts.map((alert) => `${alert.metric}:${alert.kind}`)).toEqual(['first-response:warning']);
  });

  it('arms the alerts again for a new next-update cycle', () => {
    const answered = { ...opened, firstResponseAt: t('09:30'), customerVisibleUpdates: [t('09:30')] };
    const firstCycle = dueSlaAlerts(clockList(answered, t('10:20')), [], t('10:20')).filter((alert) => alert.metric === 'next-update');
    const later = { ...answered, customerVisibleUpdates: [t('09:30'), t('10:25')] };
    const secondCycle = dueSlaAlerts(clockList(later, t('11:15')), firstCycle.map((alert) => alert.key), t('11:15')).filter((alert) => alert.metric === 'next-update');
    expect(firstCycle).toHaveLength(1);
    expect(secondCycle).toHaveLength(1);
    expect(secondCycle[0]?.key).not.toBe(firstCycle[0]?.key);
  });

  it('arms the alerts again after a severity change, even back to an earlier severity', () => {
    const warned = dueSlaAlerts(clockList(opened, t('09:50')), [], t('09:50'));
    const breached = dueSlaAlerts(clockList(opened, t('10:01')), warned.map((alert) => alert.key), t('10:01'));
    const raisedAsA = [...warned, ...breached].map((alert) => alert.key);
    expect(dueSlaAlerts(clockList(opened, t('10:10')), raisedAsA, t('10:10'))).toEqual([]);
    // Downgraded to B at 10:05 and raised back to A at 10:08: A's breach is a new event.
    const backToA = { ...opened, severitySince: t('10:08') };
    expect(dueSlaAlerts(clockList(backToA, t('10:10')), raisedAsA, t('10:10')).map((alert) => `${alert.metric}:${alert.kind}`)).toEqual(['first-response:breach']);
  });
});

describe('next SLA instant', () => {
  const opened = { openedAt: t('09:00'), severity: 'A' as const };

  it('is the earliest warning or breach still to come', () => {
    expect(nextSlaInstant(clockList(opened, t('09:10')), [], t('09:10'))).toBe(t('09:45'));
  });

  it('never names the present instant, whose alert is raised now', () => {
    expect(nextSlaInstant(clockList(opened, t('09:45')), [], t('09:45'))).toBe(t('10:00'));
  });

  it('moves on to the breach once the warning is raised', () => {
    const raised = [`first-response:${t('09:00')}/A:warning`];
    expect(nextSlaInstant(clockList(opened, t('09:50')), raised, t('09:50'))).toBe(t('10:00'));
  });

  it('never waits for an alert already raised, even one whose instant lies ahead', () => {
    const raised = [`first-response:${t('09:00')}/A:warning`];
    expect(nextSlaInstant(clockList(opened, t('09:30')), raised, t('09:30'))).toBe(t('10:00'));
  });

  it('moves on to the next clock once both alerts of one are raised', () => {
    const raised = [`first-response:${t('09:00')}/A:warning`, `first-response:${t('09:00')}/A:breach`];
    const resolution = clocksAt(opened, t('09:30')).resolution;
    expect(resolution.warningAt).toBeDefined();
    expect(nextSlaInstant(clockList(opened, t('09:30')), raised, t('09:30'))).toBe(resolution.warningAt);
  });

  it('skips paused clocks, which wait for their resume', () => {
    const waiting = { ...opened, pauses: [{ from: t('09:10'), reason: 'awaiting-customer' as const }] };
    expect(nextSlaInstant(clockList(waiting, t('09:20')), [], t('09:20'))).toBeUndefined();
  });

  it('follows the running clocks that remain after a response', () => {
    const answered = { ...opened, firstResponseAt: t('09:20'), customerVisibleUpdates: [t('09:20')] };
    expect(nextSlaInstant(clockList(answered, t('09:30')), [], t('09:30'))).toBe(t('10:05'));
  });

  it('is undefined once every clock has stopped', () => {
    const closed = { ...opened, firstResponseAt: t('09:20'), closedAt: t('09:40') };
    expect(nextSlaInstant(clockList(closed, t('09:50')), [], t('09:50'))).toBeUndefined();
  });
});
