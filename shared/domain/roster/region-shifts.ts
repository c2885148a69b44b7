/**
 * When a region works: its shifts as real intervals (a shift may cross midnight; none starts on a
 * region holiday), whether it is on shift at an instant, when that shift ends and the next begins.
 */
import { type TimeSpan, MS_PER_MINUTE } from '../calendar/time-span';
import { openSpans, weeklyOpenings } from '../calendar/weekly-openings';
import type { Instant, Region } from '../primitives';
import type { RegionRoster, Roster } from './roster';

const MS_PER_DAY = 24 * 60 * MS_PER_MINUTE;
/**
 * A region that works without a break for this long (back-to-back shifts all week) reports its
 * shift as ending here, so the ticket is looked at again a week later rather than never.
 */
export const LONGEST_SHIFT_MS = 7 * MS_PER_DAY;
/** Far enough to find the next shift past long holidays such as a year-end closure. */
const NEXT_SHIFT_HORIZON_MS = 31 * MS_PER_DAY;

export function regionRoster(roster: Roster, region: Region): RegionRoster | undefined {
  return roster.regions.find((candidate) => candidate.id === region);
}

/** On-shift intervals of a region between two instants, back-to-back shifts kept apart. */
export function shiftSpans(region: RegionRoster, fromMs: number, untilMs: number): Generator<TimeSpan> {
  return openSpans(weeklyOpenings(region.timeZone, region.shifts, region.holidays), fromMs, untilMs);
}

export function regionOnShift(roster: Roster, region: Region, at: Instant): boolean {
  return shiftInProgress(roster, region, Date.parse(at)) !== undefined;
}

export function onShift(roster: Roster, engineerId: string, at: Instant): boolean {
  const engineer = roster.engineers.find((candidate) => candidate.id === engineerId);
  return engineer !== undefined && regionOnShift(roster, engineer.region, at);
}

/** End of the shift in progress (back-to-back shifts count as one); undefined when off shift. */
export function shiftEnd(roster: Roster, region: Region, at: Instant): Instant | undefined {
  const shift = shiftInProgress(roster, region, Date.parse(at));
  return shift === undefined ? undefined : new Date(shift.end).toISOString();
}

/** Start of the next shift after `at`: after the one in progress, if any. */
export function nextShiftStart(roster: Roster, region: Region, at: Instant): Instant | undefined {
  const rostered = regionRoster(roster, region);
  if (rostered === undefined) return undefined;
  const atMs = Date.parse(at);
  const current = shiftInProgress(roster, region, atMs);
  const searchFrom = current === undefined ? atMs : current.end;
  for (const span of shiftSpans(rostered, searchFrom, searchFrom + NEXT_SHIFT_HORIZON_MS)) {
    if (span.start > searchFrom) return new Date(span.start).toISOString();
  }
  return undefined;
}

/** The continuous on-shift stretch that contains `atMs`, if the region is on shift then. */
export function shiftInProgress(roster: Roster, region: Region, atMs: number): TimeSpan | undefined {
  const rostered = regionRoster(roster, region);
  if (rostered === undefined) return undefined;
  let stretch: TimeSpan | undefined;
  for (const span of shiftSpans(rostered, atMs, atMs + LONGEST_SHIFT_MS)) {
    if (stretch === undefined) {
      if (span.start > atMs) return undefined;
      stretch = span;
    } else if (span.start === stretch.end) {
      stretch = { start: stretch.start, end: span.end };
    } else {
      break;
    }
  }
  return stretch;
}
