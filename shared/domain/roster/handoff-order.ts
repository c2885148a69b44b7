/**
 * Follow-the-sun order: where a ticket goes when its region's shift ends (AMER → EMEA → APAC →
 * AMER by default), skipping regions that are off shift or on holiday.
 */
import type { Instant, Region } from '../primitives';
import type { QueueCoverage } from '../routing/queue';
import { regionOnShift } from './region-shifts';
import type { Roster } from './roster';

export function nextRegion(roster: Roster, region: Region): Region {
  const order = roster.handoffOrder;
  const index = order.indexOf(region);
  return order[(index + 1) % order.length] ?? region;
}

/**
 * The first region after `fromRegion`, in handoff order, that is on shift at `at` (or, for 24x7
 * work, has someone on call). The region itself comes last, so that a ticket stays where it is
 * when nobody else is working.
 */
export function nextRegionOnShift(roster: Roster, fromRegion: Region, at: Instant, coverage: QueueCoverage = 'business-hours'): Region | undefined {
  const order = roster.handoffOrder;
  const start = order.indexOf(fromRegion) + 1;
  const rotated = [...order.slice(start), ...order.slice(0, start)].filter((region) => region !== fromRegion);
  return [...rotated, fromRegion].find((region) => regionOnShift(roster, region, at, coverage));
}
