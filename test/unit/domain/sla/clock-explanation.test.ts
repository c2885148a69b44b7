import { clockExplanation, explainClock, explanationText } from '../../../../shared/domain/sla/clock-explanation';
import { calendars, clocksAt, t } from './support/sla-fixtures';

/** What a support manager reads for each clock: every state has its own sentence, with its figures. */
describe('SLA clock explanation', () => {
  const opened = { openedAt: t('09:00'), severity: 'A' as const };

  it('says a clock met its target, when, and with how much to spare', () => {
    const clock = clocksAt({ ...opened, firstResponseAt: t('09:40') }, t('11:00'))['first-response'];
    expect(clock.explanation).toBe(`First response (Sev A): target 60 min on calendar always (24x7); started ${t('09:00')}; met at ${t('09:40')}, due ${t('10:00')}, 20 min to spare.`);
  });

  it('says a response came late: when it came, the due instant it missed and by how much', () => {
    const clock = clocksAt({ ...opened, firstResponseAt: t('10:20') }, t('11:00'))['first-response'];
    expect(clock.explanation).toBe(
      `First response (Sev A): target 60 min on calendar always (24x7); started ${t('09:00')}; stopped at ${t('10:20')}, after the due instant ${t('10:00')} (20 min over).`,
    );
  });

  it('says a running clock is breached, since when and by how much', () => {
    const clock = clocksAt(opened, t('10:05'))['first-response'];
    expect(clock.explanation).toBe(`First response (Sev A): target 60 min on calendar always (24x7); started ${t('09:00')}; breached at ${t('10:00')}, 5 min over.`);
  });

  it('says why a clock is paused and when it would be due if it resumed now', () => {
    const clock = clocksAt({ ...opened, pauses: [{ from: t('09:10'), reason: 'awaiting-customer' }] }, t('09:20'))['first-response'];
    expect(clock.explanation).toBe(
      `First response (Sev A): target 60 min on calendar always (24x7); started ${t('09:00')}, 10 min paused; paused (awaiting-customer), due ${t('10:10')} if it resumed now, 50 min left.`,
    );
  });

  it('leaves out the paused minutes when the clock never stood still', () => {
    const clock = clocksAt(opened, t('09:30'))['first-response'];
    expect(clock.explanation).toBe(`First response (Sev A): target 60 min on calendar always (24x7); started ${t('09:00')}; due ${t('10:00')}, 30 min left.`);
  });

  it('names each metric and counts working minutes on a business-hours calendar', () => {
    const clocks = clocksAt({ openedAt: t('09:00'), severity: 'B', firstResponseAt: t('09:30') }, t('10:00'));
    expect(clocks['next-update'].explanation).toMatch(/^Next update \(Sev B\): target \d+ working min on calendar emea-hours \(business hours, Europe\/Paris\); started /);
    expect(clocks.resolution.explanation).toMatch(/^Resolution \(Sev B\): target \d+ working min on calendar emea-hours \(business hours, Europe\/Paris\); started /);
  });

  it('says when a clock waits for the first response to start', () => {
    const clock = clocksAt(opened, t('09:30'))['next-update'];
    expect(clock.explanation).toBe('Next update (Sev A): target 60 min on calendar always (24x7); starts with the first response.');
  });

  it('says a deadline is never reached when the calendar does not open long enough', () => {
    const [alwaysOpen] = calendars;
    if (alwaysOpen === undefined) throw new Error('the fixtures define calendars');
    const base = { metric: 'resolution', severity: 'C', targetMinutes: 60, calendarId: alwaysOpen.id, cycleId: 'c', pausedMinutes: 0 } as const;
    expect(explainClock({ ...base, state: 'running', startedAt: t('09:00'), remainingMinutes: 60 }, alwaysOpen)).toBe(
      `Resolution (Sev C): target 60 min on calendar always (24x7); started ${t('09:00')}; due never (the calendar does not open long enough), 60 min left.`,
    );
  });

  it('gives its instants as values, for a page to word in its reader\'s zone, and reads the same when they are left as they are', () => {
    const [alwaysOpen] = calendars;
    if (alwaysOpen === undefined) throw new Error('the fixtures define calendars');
    const clock = clocksAt({ ...opened, pauses: [{ from: t('09:10'), reason: 'awaiting-customer' }] }, t('09:20'))['first-response'];
    const parts = clockExplanation(clock, alwaysOpen);
    expect(parts.filter((part) => typeof part !== 'string')).toEqual([{ instant: t('09:00') }, { instant: t('10:10') }]);
    expect(explanationText(parts)).toBe(clock.explanation);
    expect(explanationText(parts, (instant) => `<${instant.slice(11, 16)}>`)).toBe(
      'First response (Sev A): target 60 min on calendar always (24x7); started <09:00>, 10 min paused; paused (awaiting-customer), due <10:10> if it resumed now, 50 min left.',
    );
  });
});
