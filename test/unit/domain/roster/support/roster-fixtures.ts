/** A follow-the-sun roster that covers every hour of every day, and helpers for the roster specifications. */
import { DateTime } from 'luxon';
import type { z } from 'zod';
import type { Region } from '../../../../../shared/domain/primitives';
import type { RegionRosterSchema, Roster } from '../../../../../shared/domain/roster/roster';
import { RosterSchema } from '../../../../../shared/domain/roster/roster-schema';

const daily = (start: string, end: string) => {
  const shift = [{ start, end }];
  return { mon: shift, tue: shift, wed: shift, thu: shift, fri: shift, sat: shift, sun: shift };
};

const engineer = (id: string, region: string, skills: string[], capacity = 3, role = 'engineer') => ({
  id,
  name: id.replace(/^./, (first) => first.toUpperCase()),
  email: `${id}@support.example`,
  region,
  skills,
  capacity,
  role,
});

/**
 * In UTC, summer and winter: APAC 23:00–09:00, EMEA 08:00–17:00 (07:00–16:00 in summer) and AMER
 * 16:00–01:00 (15:00–00:00 in summer). The overlaps absorb both DST changes.
 */
export const followTheSun: Roster = RosterSchema.parse({
  regions: [
    { id: 'AMER', timeZone: 'America/New_York', shifts: daily('11:00', '20:00') },
    { id: 'EMEA', timeZone: 'Europe/London', shifts: daily('08:00', '17:00') },
    { id: 'APAC', timeZone: 'Asia/Singapore', shifts: daily('07:00', '17:00') },
  ],
  engineers: [
    engineer('ana', 'AMER', ['entra-id', 'exchange']),
    engineer('bob', 'AMER', ['entra-id'], 2),
    engineer('eva', 'EMEA', ['entra-id', 'exchange', 'intune']),
    engineer('emil', 'EMEA', ['exchange'], 2),
    engineer('erin', 'EMEA', ['entra-id'], 1, 'team-lead'),
    engineer('ping', 'APAC', ['entra-id', 'exchange']),
    engineer('paul', 'APAC', ['intune'], 0),
  ],
});

export function withRegion(roster: Roster, region: z.input<typeof RegionRosterSchema>): Roster {
  return RosterSchema.parse({ ...roster, regions: roster.regions.map((candidate) => (candidate.id === region.id ? region : candidate)) });
}

export function withHolidays(roster: Roster, regionId: Region, holidays: string[]): Roster {
  return RosterSchema.parse({ ...roster, regions: roster.regions.map((region) => (region.id === regionId ? { ...region, holidays } : region)) });
}

export const local = (wallTime: string, zone: string): string => {
  const instant = DateTime.fromISO(wallTime, { zone }).toUTC().toISO();
  if (instant === null) throw new Error(`bad wall time ${wallTime}`);
  return instant;
};

/**
 * Eva (EMEA, intune among her skills) on call on Monday evenings, 17:00–20:00 in London, and
 * 10:00–14:00 on EMEA's holidays, which are given.
 */
export function withEvaOnCall(roster: Roster, emeaHolidays: string[] = []): Roster {
  const onCall = [{ engineerIds: ['eva'], weekly: { mon: [{ start: '17:00', end: '20:00' }] }, onHolidays: [{ start: '10:00', end: '14:00' }] }];
  return RosterSchema.parse({ ...roster, regions: roster.regions.map((region) => (region.id === 'EMEA' ? { ...region, holidays: emeaHolidays, onCall } : region)) });
}
