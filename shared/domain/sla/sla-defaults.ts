/**
 * Baton's default SLA targets, for a contract that does not set its own (docs/sla.md gives the
 * reasons). Severity A runs around the clock; B and C run on the customer's business hours.
 */
import type { Severity } from '../primitives';
import { bySeverity } from '../severity/per-severity';
import type { SlaPolicy, SlaTarget } from './sla-policy';

export const DEFAULT_WARNING_FRACTION = 0.75;

type DefaultTarget = Omit<SlaTarget, 'calendarId'> & { readonly calendar: 'around-the-clock' | 'business-hours' };

export const DEFAULT_SLA_TARGETS: Readonly<Record<Severity, DefaultTarget>> = {
  // Business stopped: answer within the hour, day or night, and keep the customer posted hourly.
  A: { firstResponseMinutes: 60, nextUpdateMinutes: 60, resolutionMinutes: 24 * 60, calendar: 'around-the-clock' },
  // Degraded with a workaround: four working hours to answer, an update every working day, three working days to resolve.
  B: { firstResponseMinutes: 4 * 60, nextUpdateMinutes: 8 * 60, resolutionMinutes: 3 * 8 * 60, calendar: 'business-hours' },
  // Minimal impact: one working day to answer, an update every three working days, ten working days to resolve.
  C: { firstResponseMinutes: 8 * 60, nextUpdateMinutes: 3 * 8 * 60, resolutionMinutes: 10 * 8 * 60, calendar: 'business-hours' },
};

export type DefaultPolicyCalendars = { readonly aroundTheClockCalendarId: string; readonly businessHoursCalendarId: string };

export function defaultSlaPolicy(calendars: DefaultPolicyCalendars, id = 'standard', name = 'Standard support'): SlaPolicy {
  const targetFor = (severity: Severity): SlaTarget => {
    const { calendar, ...minutes } = DEFAULT_SLA_TARGETS[severity];
    const calendarId = calendar === 'around-the-clock' ? calendars.aroundTheClockCalendarId : calendars.businessHoursCalendarId;
    return { ...minutes, calendarId };
  };
  return {
    id,
    name,
    targets: bySeverity(targetFor),
    warningFraction: DEFAULT_WARNING_FRACTION,
    pauseWhileAwaitingVendor: false,
  };
}
