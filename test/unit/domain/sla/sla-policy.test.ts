import { CalendarSchema } from '../../../../shared/domain/calendar/calendar';
import { slaClocks } from '../../../../shared/domain/sla/sla-clocks';
import { DEFAULT_SLA_TARGETS, defaultSlaPolicy } from '../../../../shared/domain/sla/sla-defaults';
import { SlaHistorySchema } from '../../../../shared/domain/sla/sla-history';
import { SlaPolicySchema } from '../../../../shared/domain/sla/sla-policy';

const target = { firstResponseMinutes: 60, nextUpdateMinutes: 60, resolutionMinutes: 1440, calendarId: 'always' };

describe('SLA policy', () => {
  it('warns at 75% and does not pause for the vendor unless told', () => {
    const policy = SlaPolicySchema.parse({ id: 'gold', name: 'Gold', targets: { A: target, B: target, C: target } });
    expect(policy.warningFraction).toBe(0.75);
    expect(policy.pauseWhileAwaitingVendor).toBe(false);
  });

  it('rejects a warning at or beyond the breach and targets that are not whole positive minutes', () => {
    expect(SlaPolicySchema.safeParse({ id: 'gold', name: 'Gold', targets: { A: target, B: target, C: target }, warningFraction: 1 }).success).toBe(false);
    expect(SlaPolicySchema.safeParse({ id: 'gold', name: 'Gold', targets: { A: { ...target, firstResponseMinutes: 0 }, B: target, C: target } }).success).toBe(false);
    expect(SlaPolicySchema.safeParse({ id: 'gold', name: 'Gold', targets: { A: target, B: target } }).success).toBe(false);
  });

  it('defaults to Sev A around the clock and Sev B and C on business hours', () => {
    const policy = SlaPolicySchema.parse(defaultSlaPolicy({ aroundTheClockCalendarId: 'always', businessHoursCalendarId: 'emea-hours' }));
    expect(policy.targets.A).toEqual({ firstResponseMinutes: 60, nextUpdateMinutes: 60, resolutionMinutes: 1440, calendarId: 'always' });
    expect(policy.targets.B).toMatchObject({ firstResponseMinutes: 240, calendarId: 'emea-hours' });
    expect(policy.targets.C).toMatchObject({ firstResponseMinutes: 480, calendarId: 'emea-hours' });
    expect(policy.warningFraction).toBe(0.75);
  });

  it('names the default policy, as contracts and alerts refer to it', () => {
    expect(defaultSlaPolicy({ aroundTheClockCalendarId: 'always', businessHoursCalendarId: 'emea-hours' })).toMatchObject({ id: 'standard', name: 'Standard support' });
    // Waiting on the vendor stops the clock only where a contract says so, never by default.
    expect(defaultSlaPolicy({ aroundTheClockCalendarId: 'always', businessHoursCalendarId: 'emea-hours' }).pauseWhileAwaitingVendor).toBe(false);
  });

  it('keeps every default target tighter for a higher severity', () => {
    const { A, B, C } = DEFAULT_SLA_TARGETS;
    for (const metric of ['firstResponseMinutes', 'nextUpdateMinutes', 'resolutionMinutes'] as const) {
      expect(A[metric]).toBeLessThanOrEqual(B[metric]);
      expect(B[metric]).toBeLessThan(C[metric]);
    }
  });
});

describe('SLA engine inputs', () => {
  it('reports a policy that names a calendar it was not given', () => {
    const policy = defaultSlaPolicy({ aroundTheClockCalendarId: 'always', businessHoursCalendarId: 'apac-hours' });
    const history = SlaHistorySchema.parse({ openedAt: '2026-11-23T09:00:00.000Z', severity: 'C' });
    const result = slaClocks({ history, policy, calendars: [CalendarSchema.parse({ id: 'always', kind: '24x7' })], now: '2026-11-23T09:00:00.000Z' });
    expect(result).toEqual({ ok: false, reason: 'unknown-calendar', calendarId: 'apac-hours', policyId: 'standard' });
  });

  it('reads an SLA history with empty lists by default and rejects instants with offsets', () => {
    expect(SlaHistorySchema.parse({ openedAt: '2026-11-23T09:00:00.000Z', severity: 'B' })).toEqual({
      openedAt: '2026-11-23T09:00:00.000Z',
      severity: 'B',
      pauses: [],
      customerVisibleUpdates: [],
      customerReplies: [],
    });
    expect(SlaHistorySchema.safeParse({ openedAt: '2026-11-23T10:00:00+01:00', severity: 'B' }).success).toBe(false);
  });
});
