/**
 * The follow-the-sun roster: when each region works (weekly shifts in its own time zone, with
 * holidays), who of its engineers is on call outside them, who works there with which skills and
 * how many open tickets each can carry.
 */
import { z } from 'zod';
import { ActorRoleSchema, RegionSchema, SlugSchema, TimeZoneSchema } from '../primitives';
import { ClockTimeSchema, LocalDateSchema, MINUTES_PER_DAY, WEEKDAYS, clockTimesWellFormed, minutesOfDay, weeklySchema } from '../calendar/weekly-hours';

/**
 * A shift listed under a weekday starts that day; when its end is earlier than its start it
 * crosses midnight (22:00–06:00 listed under `mon` runs Monday 22:00 to Tuesday 06:00).
 */
export const ShiftSchema = z
  .object({ start: ClockTimeSchema, end: ClockTimeSchema })
  .refine((shift) => minutesOfDay(shift.start) < MINUTES_PER_DAY, { message: 'a shift cannot start at 24:00', path: ['start'], when: clockTimesWellFormed })
  .refine((shift) => minutesOfDay(shift.end) !== minutesOfDay(shift.start), {
    message: 'a shift must not end when it starts',
    path: ['end'],
    when: clockTimesWellFormed,
  });
export type Shift = z.infer<typeof ShiftSchema>;

/**
 * Some of a region's engineers on call outside its shifts: a weekend rota, cover on the region's
 * holidays, an hour that bridges a gap between two regions. On call they take only work whose SLA
 * runs around the clock (Severity A); business-hours work waits for the next shift.
 */
export const OnCallSchema = z
  .object({
    engineerIds: z.array(SlugSchema).min(1),
    /** Weekly on-call hours in the region's time zone, written like shifts; none start on a region holiday. */
    weekly: weeklySchema(ShiftSchema),
    /** On-call hours on each of the region's holidays, in place of the weekly ones. */
    onHolidays: z.array(ShiftSchema).default([]),
  })
  .refine((onCall) => new Set(onCall.engineerIds).size === onCall.engineerIds.length, { message: 'each on-call engineer is listed once', path: ['engineerIds'] })
  .refine((onCall) => onCall.onHolidays.length > 0 || WEEKDAYS.some((day) => onCall.weekly[day].length > 0), {
    message: 'on-call cover needs hours, weekly or on holidays',
    path: ['weekly'],
  });
export type OnCall = z.infer<typeof OnCallSchema>;

export const RegionRosterSchema = z.object({
  id: RegionSchema,
  timeZone: TimeZoneSchema,
  shifts: weeklySchema(ShiftSchema),
  /** Local dates on which no shift of the region starts. */
  holidays: z.array(LocalDateSchema).default([]),
  onCall: z.array(OnCallSchema).default([]),
});
export type RegionRoster = z.infer<typeof RegionRosterSchema>;

export const EngineerRoleSchema = ActorRoleSchema.extract(['engineer', 'team-lead']);
export type EngineerRole = z.infer<typeof EngineerRoleSchema>;

export const EngineerSchema = z.object({
  id: SlugSchema,
  /**
   * The identity provider's immutable id for this person (Entra ID's `oid`, or `sub`), which a
   * staff token must carry to act as this engineer; without it the roster id is that identity.
   * Never an email: an address can be reassigned or spelled into a token by another tenant.
   */
  directoryId: z.string().trim().min(1).max(254).optional(),
  name: z.string().trim().min(1),
  email: z.email(),
  region: RegionSchema,
  /** Product areas the engineer can take tickets in. */
  skills: z.array(SlugSchema),
  /** Most open tickets the engineer carries at once. */
  capacity: z.number().int().nonnegative(),
  role: EngineerRoleSchema,
});
export type Engineer = z.infer<typeof EngineerSchema>;

/** The staff-token identity (`oid`, else `sub`) that acts as this engineer. */
export function engineerIdentity(engineer: Pick<Engineer, 'id' | 'directoryId'>): string {
  return engineer.directoryId ?? engineer.id;
}

/** The roster's fields; `RosterSchema` (roster-schema.ts) adds the checks that need the shifts computed. */
export const RosterFieldsSchema = z.object({
  regions: z.array(RegionRosterSchema).min(1),
  engineers: z.array(EngineerSchema),
  /**
   * The follow-the-sun order the organisation expects, e.g. APAC → EMEA → AMER; it wraps around
   * from the last region to the first. Optional, and never the source of the order: tickets go
   * where the shifts take them (see handoff-order.ts). When given it is checked against the order
   * the shifts follow around the clock, so that a mistyped time zone or shift, which would
   * silently reorder the handoffs, stops the configuration from loading instead.
   */
  handoffOrder: z.array(RegionSchema).optional(),
});
export type Roster = z.infer<typeof RosterFieldsSchema>;
