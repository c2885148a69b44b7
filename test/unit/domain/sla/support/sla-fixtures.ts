/** Calendars, a policy and a helper shared by the SLA specifications. */
import { type Calendar, CalendarSchema } from '../../../../../shared/domain/calendar/calendar';
import { defaultSlaPolicy } from '../../../../../shared/domain/sla/sla-defaults';
import type { SlaClock, SlaMetric } from '../../../../../shared/domain/sla/sla-clock';
import { slaClocks } from '../../../../../shared/domain/sla/sla-clocks';
import { type SlaHistory, SlaHistorySchema } from '../../../../../shared/domain/sla/sla-history';
import type { SlaPolicy } from '../../../../../shared/domain/sla/sla-policy';

const weekday = [{ start: '09:00', end: '17:00' }];

export const calendars: Calendar[] = [
  CalendarSchema.parse({ id: 'always', kind: '24x7' }),
  CalendarSchema.parse({
    id: 'emea-hours',
    kind: 'business-hours',
    timeZone: 'Europe/Paris',
    weekly: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday },
    holidays: ['2026-12-25'],
  }),
];

export const policy: SlaPolicy = defaultSlaPolicy({ aroundTheClockCalendarId: 'always', businessHoursCalendarId: 'emea-hours' });

export type HistoryInput = Partial<SlaHistory> & Pick<SlaHistory, 'openedAt' | 'severity'>;

export function clocksAt(history: HistoryInput, now: string, withPolicy: SlaPolicy = policy): Record<SlaMetric, SlaClock> {
  const result = slaClocks({ history: SlaHistorySchema.parse(history), policy: withPolicy, calendars, now });
  if (!result.ok) throw new Error(`unexpected ${result.reason}`);
  const [firstResponse, nextUpdate, resolution] = result.clocks;
  return { 'first-response': firstResponse, 'next-update': nextUpdate, resolution };
}

/** 2026-11-23 is a Monday; `t('09:30')` is that day at 09:30 UTC. */
export const t = (time: string, day = '2026-11-23'): string => `${day}T${time}:00.000Z`;
