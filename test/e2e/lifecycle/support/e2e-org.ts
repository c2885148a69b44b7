/**
 * The organisation the lifecycle's end-to-end tests run against: the sample organisation with a
 * compressed follow-the-sun roster, so that a test sees a whole round of handoffs in six hours
 * rather than a day. Each region works two-hour shifts every day, in its own time zone, one after
 * the other: AMER, EMEA, APAC, AMER… starting at 00:00 UTC (so AMER works 12:00–14:00 UTC, EMEA
 * 14:00–16:00, APAC 16:00–18:00). Resolution periods are short for the same reason: a reminder
 * after one hour of silence, auto-closure after two, a three-hour reopen window, and a vendor
 * follow-up every hour on Severity A. The enterprise policy resolves Severity B within six working
 * hours (instead of three days), so that a resolution breach falls on the day of the ticket.
 */
import { z } from 'zod';
import { OrgConfigSchema, type OrgConfig } from '../../../../shared/domain/org/org-config';
import { sampleOrgConfig } from '../../../../shared/domain/org/sample/sample-org';
import { RosterSchema } from '../../../../shared/domain/roster/roster-schema';

type RosterInput = z.input<typeof RosterSchema>;
type Shift = { readonly start: string; readonly end: string };

const everyDay = (shifts: readonly Shift[]) => {
  const day = [...shifts];
  return { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day };
};

/** Late November and December: New York is UTC−5, London UTC, Sydney UTC+11, with no DST change. */
const roster: RosterInput = {
  ...sampleOrgConfig.roster,
  regions: [
    // 00–02, 06–08, 12–14, 18–20 UTC
    { id: 'AMER', timeZone: 'America/New_York', shifts: everyDay([{ start: '01:00', end: '03:00' }, { start: '07:00', end: '09:00' }, { start: '13:00', end: '15:00' }, { start: '19:00', end: '21:00' }]) },
    // 02–04, 08–10, 14–16, 20–22 UTC
    { id: 'EMEA', timeZone: 'Europe/London', shifts: everyDay([{ start: '02:00', end: '04:00' }, { start: '08:00', end: '10:00' }, { start: '14:00', end: '16:00' }, { start: '20:00', end: '22:00' }]) },
    // 04–06, 10–12, 16–18, 22–24 UTC
    { id: 'APAC', timeZone: 'Australia/Sydney', shifts: everyDay([{ start: '03:00', end: '05:00' }, { start: '09:00', end: '11:00' }, { start: '15:00', end: '17:00' }, { start: '21:00', end: '23:00' }]) },
  ],
  // These shifts follow each other AMER → EMEA → APAC only while no region is on summer time (in
  // July AMER and APAC would work the same hours), so this roster states no handoff order: tickets
  // go where the shifts take them, and the sample's own order does not apply here.
  handoffOrder: undefined,
};

const HOURS = 1 / 24;

const slaPolicies = (sampleOrgConfig.slaPolicies ?? []).map((policy) =>
  policy.id === 'enterprise-emea' ? { ...policy, targets: { ...policy.targets, B: { ...policy.targets.B, resolutionMinutes: 6 * 60 } } } : policy,
);

export const E2E_ORG: OrgConfig = OrgConfigSchema.parse({
  ...sampleOrgConfig,
  roster,
  slaPolicies,
  lifecycle: {
    reopenWindowDays: 3 * HOURS,
    autoCloseAfterDays: 2 * HOURS,
    resolutionReminderAfterDays: 1 * HOURS,
    handoffStallThreshold: 3,
    vendorFollowUpHours: { A: 1, B: 4, C: 24 },
    clearDescriptionMinWords: 8,
  },
});
