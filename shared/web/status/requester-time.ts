/**
 * Instants as the requester reads them: in their own time zone (from the form), with the zone's
 * abbreviation, so "due Tue 24 Nov, 10:00 CET" means the same to them as to the engineer.
 */
import { DateTime } from 'luxon';
import type { Instant } from '../../domain/primitives';

/** Chat tickets may lack a time zone, or carry one the runtime does not know: UTC then. */
export function requesterZone(timeZone: string | undefined): string {
  if (timeZone === undefined || timeZone.trim() === '') return 'UTC';
  return DateTime.now().setZone(timeZone).isValid ? timeZone : 'UTC';
}

export function formatInstant(instant: Instant, zone: string): string {
  const local = DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone);
  return local.isValid ? local.toFormat('ccc d LLL yyyy, HH:mm ZZZZ') : instant;
}
