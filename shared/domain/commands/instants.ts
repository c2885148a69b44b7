/**
 * Instant arithmetic for lifecycle rules (windows, quiet periods, follow-ups). These are elapsed
 * calendar time in UTC, unlike SLA targets which count calendar working minutes.
 */
import { Instant } from '../primitives';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export function instantPlus(instant: Instant, amount: { days?: number; hours?: number }): Instant {
  const millis = Date.parse(instant) + (amount.days ?? 0) * DAY_MS + (amount.hours ?? 0) * HOUR_MS;
  return new Date(millis).toISOString();
}

export function isBefore(earlier: Instant, later: Instant): boolean {
  return Date.parse(earlier) < Date.parse(later);
}

export function isAtOrAfter(instant: Instant, reference: Instant): boolean {
  return Date.parse(instant) >= Date.parse(reference);
}

export function latestInstant(first: Instant, second: Instant): Instant {
  return isBefore(first, second) ? second : first;
}
