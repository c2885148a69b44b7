/**
 * The sample follow-the-sun roster: AMER (New York), EMEA (London) and APAC (Sydney), each with
 * engineers of different skills and a team lead, working weekday shifts in local time. Each
 * region's three engineers (between them every product area) are on call for Severity A at the
 * weekend and on the region's holidays, in the hours of their usual shift; APAC's also from
 * 07:00 on weekdays, which closes the hour between New York's 17:00 (EDT) and Sydney's 08:00
 * (AEST) from April to October. Together the 24x7 queues are covered every hour of the year.
 * Follow-the-sun hands a ticket on APAC → EMEA → AMER → APAC: the order in which these shifts
 * follow each other around the clock.
 */
import { z } from 'zod';
import { RosterSchema } from '../../roster/roster-schema';
import { NSW_HOLIDAYS, UK_HOLIDAYS, US_HOLIDAYS } from './sample-holidays';

const weekdayShift = (start: string, end: string) => {
  const shift = [{ start, end }];
  return { mon: shift, tue: shift, wed: shift, thu: shift, fri: shift };
};

const email = (id: string) => `${id.replace('-', '.')}@css.example`;

/** On call at the weekend and on holidays from `start` to `end`, plus any weekday hours given. */
const onCall = (engineerIds: string[], start: string, end: string, weekdayHours?: { start: string; end: string }) => {
  const day = [{ start, end }];
  const weekday = weekdayHours === undefined ? [] : [weekdayHours];
  return { engineerIds, weekly: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: day, sun: day }, onHolidays: day };
};

export const sampleRoster: z.input<typeof RosterSchema> = {
  regions: [
    {
      id: 'AMER',
      timeZone: 'America/New_York',
      shifts: weekdayShift('07:00', '17:00'),
      holidays: US_HOLIDAYS,
      onCall: [onCall(['maria-garcia', 'james-carter', 'sofia-martins'], '07:00', '17:00')],
    },
    {
      id: 'EMEA',
      timeZone: 'Europe/London',
      shifts: weekdayShift('07:00', '16:00'),
      holidays: UK_HOLIDAYS,
      onCall: [onCall(['lukas-weber', 'chloe-dubois', 'tomasz-nowak'], '07:00', '16:00')],
    },
    {
      id: 'APAC',
      timeZone: 'Australia/Sydney',
      shifts: weekdayShift('08:00', '18:00'),
      holidays: NSW_HOLIDAYS,
      onCall: [onCall(['priya-nair', 'kenji-tanaka', 'mei-lin'], '07:00', '18:00', { start: '07:00', end: '08:00' })],
    },
  ],
  // The sun moves west: Sydney's day ends as London's begins, London's as New York's is under way,
  // New York's as Sydney's next begins. Checked against the shifts when the roster loads.
  handoffOrder: ['APAC', 'EMEA', 'AMER'],
  engineers: [
    { id: 'daniel-brooks', name: 'Daniel Brooks', email: email('daniel-brooks'), region: 'AMER', skills: ['azure-networking', 'azure-compute', 'entra-id'], capacity: 4, role: 'team-lead' },
    { id: 'maria-garcia', name: 'María García', email: email('maria-garcia'), region: 'AMER', skills: ['entra-id', 'exchange-online', 'intune'], capacity: 8, role: 'engineer' },
    { id: 'james-carter', name: 'James Carter', email: email('james-carter'), region: 'AMER', skills: ['azure-networking', 'azure-compute'], capacity: 8, role: 'engineer' },
    { id: 'sofia-martins', name: 'Sofia Martins', email: email('sofia-martins'), region: 'AMER', skills: ['sharepoint-online', 'exchange-online'], capacity: 6, role: 'engineer' },
    { id: 'grace-okafor', name: 'Grace Okafor', email: email('grace-okafor'), region: 'EMEA', skills: ['exchange-online', 'sharepoint-online', 'entra-id'], capacity: 4, role: 'team-lead' },
    { id: 'lukas-weber', name: 'Lukas Weber', email: email('lukas-weber'), region: 'EMEA', skills: ['azure-networking', 'azure-compute', 'entra-id'], capacity: 8, role: 'engineer' },
    { id: 'chloe-dubois', name: 'Chloé Dubois', email: email('chloe-dubois'), region: 'EMEA', skills: ['exchange-online', 'sharepoint-online'], capacity: 8, role: 'engineer' },
    { id: 'tomasz-nowak', name: 'Tomasz Nowak', email: email('tomasz-nowak'), region: 'EMEA', skills: ['intune', 'entra-id'], capacity: 6, role: 'engineer' },
    { id: 'arjun-mehta', name: 'Arjun Mehta', email: email('arjun-mehta'), region: 'APAC', skills: ['intune', 'entra-id', 'azure-compute'], capacity: 4, role: 'team-lead' },
    { id: 'priya-nair', name: 'Priya Nair', email: email('priya-nair'), region: 'APAC', skills: ['entra-id', 'intune', 'exchange-online'], capacity: 8, role: 'engineer' },
    { id: 'kenji-tanaka', name: 'Kenji Tanaka', email: email('kenji-tanaka'), region: 'APAC', skills: ['azure-networking', 'azure-compute'], capacity: 8, role: 'engineer' },
    { id: 'mei-lin', name: 'Mei Lin', email: email('mei-lin'), region: 'APAC', skills: ['sharepoint-online', 'exchange-online'], capacity: 6, role: 'engineer' },
  ],
};
