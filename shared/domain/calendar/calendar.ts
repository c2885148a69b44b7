/**
 * A calendar says when SLA clocks run: every minute (24x7) or the business hours of one time zone,
 * with several ranges a day and public holidays. Calendars are kept apart from SLA policies.
 */
import { z } from 'zod';
import { SlugSchema, TimeZoneSchema } from '../primitives';
import { ClockTimeSchema, LocalDateSchema, MINUTES_PER_DAY, WEEKDAYS, clockTimesWellFormed, minutesOfDay, weeklySchema } from './weekly-hours';

/** Opening hours within one local day: the end is after the start (use 24:00 to close at midnight). */
export const BusinessRangeSchema = z
  .object({ start: ClockTimeSchema, end: ClockTimeSchema })
  .refine((range) => minutesOfDay(range.start) < MINUTES_PER_DAY, { message: 'a range cannot start at 24:00', path: ['start'], when: clockTimesWellFormed })
  .refine((range) => minutesOfDay(range.end) > minutesOfDay(range.start), { message: 'end must be after start', path: ['end'], when: clockTimesWellFormed });
export type BusinessRange = z.infer<typeof BusinessRangeSchema>;

const BusinessWeekSchema = weeklySchema(BusinessRangeSchema).superRefine((week, ctx) => {
  for (const day of WEEKDAYS) {
    const sorted = [...week[day]].sort((a, b) => minutesOfDay(a.start) - minutesOfDay(b.start));
    sorted.forEach((range, index) => {
      const previous = sorted[index - 1];
      if (previous && minutesOfDay(range.start) < minutesOfDay(previous.end)) {
        ctx.addIssue({ code: 'custom', message: `ranges overlap on ${day}`, path: [day] });
      }
    });
  }
  // A calendar that is never open would make every deadline infinitely far away.
  if (WEEKDAYS.every((day) => week[day].length === 0)) {
    ctx.addIssue({ code: 'custom', message: 'a business-hours calendar needs at least one open range' });
  }
});

export const TwentyFourSevenCalendarSchema = z.object({
  id: SlugSchema,
  kind: z.literal('24x7'),
});

export const BusinessHoursCalendarSchema = z.object({
  id: SlugSchema,
  kind: z.literal('business-hours'),
  timeZone: TimeZoneSchema,
  weekly: BusinessWeekSchema,
  /** Local dates on which the calendar stays closed all day. */
  holidays: z.array(LocalDateSchema).default([]),
});
export type BusinessHoursCalendar = z.infer<typeof BusinessHoursCalendarSchema>;

export const CalendarSchema = z.discriminatedUnion('kind', [TwentyFourSevenCalendarSchema, BusinessHoursCalendarSchema]);
export type Calendar = z.infer<typeof CalendarSchema>;
