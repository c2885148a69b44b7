/**
 * The sample organisation's SLA calendars and policies: one 24x7 calendar for Severity A, and
 * each hub's business hours (with its holidays) for B and C.
 */
import { z } from 'zod';
import { CalendarSchema } from '../../calendar/calendar';
import { SlaPolicySchema } from '../../sla/sla-policy';
import { NSW_HOLIDAYS, UK_HOLIDAYS, US_HOLIDAYS } from './sample-holidays';

const weekdays = (start: string, end: string) => {
  const day = [{ start, end }];
  return { mon: day, tue: day, wed: day, thu: day, fri: day };
};

export const sampleCalendars: z.input<typeof CalendarSchema>[] = [
  { id: 'around-the-clock', kind: '24x7' },
  { id: 'amer-business-hours', kind: 'business-hours', timeZone: 'America/New_York', weekly: weekdays('08:00', '18:00'), holidays: US_HOLIDAYS },
  { id: 'emea-business-hours', kind: 'business-hours', timeZone: 'Europe/London', weekly: weekdays('08:00', '18:00'), holidays: UK_HOLIDAYS },
  { id: 'apac-business-hours', kind: 'business-hours', timeZone: 'Australia/Sydney', weekly: weekdays('08:30', '17:30'), holidays: NSW_HOLIDAYS },
];

const HOUR = 60;
const WORKING_DAY = 10 * HOUR;

export const sampleSlaPolicies: z.input<typeof SlaPolicySchema>[] = [
  {
    id: 'enterprise-emea',
    name: 'Unified Enterprise (EMEA business hours)',
    targets: {
      A: { firstResponseMinutes: HOUR, nextUpdateMinutes: HOUR, resolutionMinutes: 24 * HOUR, calendarId: 'around-the-clock' },
      B: { firstResponseMinutes: 2 * HOUR, nextUpdateMinutes: 4 * HOUR, resolutionMinutes: 3 * WORKING_DAY, calendarId: 'emea-business-hours' },
      C: { firstResponseMinutes: 4 * HOUR, nextUpdateMinutes: 2 * WORKING_DAY, resolutionMinutes: 10 * WORKING_DAY, calendarId: 'emea-business-hours' },
    },
    warningFraction: 0.75,
    pauseWhileAwaitingVendor: false,
  },
  {
    id: 'standard-amer',
    name: 'Standard (AMER business hours)',
    targets: {
      A: { firstResponseMinutes: HOUR, nextUpdateMinutes: 2 * HOUR, resolutionMinutes: 48 * HOUR, calendarId: 'around-the-clock' },
      B: { firstResponseMinutes: 4 * HOUR, nextUpdateMinutes: WORKING_DAY, resolutionMinutes: 5 * WORKING_DAY, calendarId: 'amer-business-hours' },
      C: { firstResponseMinutes: WORKING_DAY, nextUpdateMinutes: 3 * WORKING_DAY, resolutionMinutes: 15 * WORKING_DAY, calendarId: 'amer-business-hours' },
    },
    warningFraction: 0.75,
    pauseWhileAwaitingVendor: true,
  },
];
