/**
 * Who works when: a region's shifts as real intervals (a shift may cross midnight; none starts on a
 * region holiday) and its engineers on call outside them; for a region or an engineer, whether
 * they work at an instant, when that stretch ends and the next begins. Work on business hours is
 * taken on shifts only (the default); work that runs 24x7 is also taken by engineers on call.
 */
import { type TimeSpan, MS_PER_MINUTE, mergeSpans } from '../calendar/time-span';
import { openSpans, weeklyOpenings } from '../calendar/weekly-openings';
import type { Instant, Region } from '../primitives';
import type { QueueCoverage } from '../routing/queue';
import { onCallSpans } from './on-call-hours';
import type { Engineer, RegionRoster, Roster } from './roster';

const MS_PER_DAY = 24 * 60 * MS_PER_MINUTE;
/**
 * A region that works without a break for this long (back-to-back shifts all week) reports its
 * shift as ending here, so the ticket is looked at again a week later rather than never.
 */
export const LONGEST_SHIFT_MS = 7 * MS_PER_DAY;
/** Work taken on shifts only, the default: any coverage but 24x7 leaves on-call hours out. */
export const SHIFTS_ONLY: QueueCoverage = 'business-hours';
/** Far enough to find the next shift past long holidays such as a year-end closure. */
const NEXT_SHIFT_HORIZON_MS = 31 * MS_PER_DAY;

/** When someone works between two instants: sorted, disjoint, back-to-back stretches joined. */
type WorkingHours = (fromMs: number, untilMs: number) => readonly TimeSpan[];

export function regionRoster(roster: Roster, region: Region): RegionRoster | undefined {
  return roster.regions.find((candidate) => candidate.id === region);
}

/** On-shift intervals of a region between two instants, back-to-back shifts kept apart. */
export function shiftSpans(region: RegionRoster, fromMs: number, untilMs: number): Generator<TimeSpan> {
  return openSpans(weeklyOpenings(region.timeZone, region.shifts, region.holidays), fromMs, untilMs);
}

/** When a region has someone at work: its shifts and, for 24x7 work, all its on-call hours. */
export function regionWorkingSpans(region: RegionRoster, coverage: QueueCoverage, fromMs: number, untilMs: number): TimeSpan[] {
  // Stryker disable next-line ArrayDeclaration: a stray element that is not a span is dropped by mergeSpans as empty
  const onCall = coverage === '24x7' ? region.onCall.flatMap((group) => onCallSpans(region, group, fromMs, untilMs)) : [];
  return mergeSpans([...shiftSpans(region, fromMs, untilMs), ...onCall]);
}

/**
 * When at least one of these engineers works: the shifts of their regions and, for 24x7 work, the
 * on-call hours that name one of them.
 */
export function staffedSpans(roster: Roster, engineers: readonly Engineer[], coverage: QueueCoverage, fromMs: number, untilMs: number): TimeSpan[] {
  const ids = new Set(engineers.map((engineer) => engineer.id));
  const spans = roster.regions
    .filter((region) => engineers.some((engineer) => engineer.region === region.id))
    .flatMap((region) => {
      const onCall = coverage === '24x7' ? region.onCall.filter((group) => group.engineerIds.some((id) => ids.has(id))) : [];
      return [...shiftSpans(region, fromMs, untilMs), ...onCall.flatMap((group) => onCallSpans(region, group, fromMs, untilMs))];
    });
  return mergeSpans(spans);
}

export function regionOnShift(roster: Roster, region: Region, at: Instant, coverage: QueueCoverage = SHIFTS_ONLY): boolean {
  return worksAt(regionHours(roster, region, coverage), Date.parse(at));
}

export function onShift(roster: Roster, engineerId: string, at: Instant, coverage: QueueCoverage = SHIFTS_ONLY): boolean {
  return engineersAtWork(roster, at, coverage).has(engineerId);
}

/** How an engineer is at work: on a shift of their region, or only on call. */
export type AtWork = 'on-shift' | 'on-call';

/**
 * The engineers at work at `at`: all of a region's while it is on shift and, for 24x7 work, those
 * named by on-call hours under way. Asked region by region, so that it costs the same however
 * many engineers there are.
 */
export function engineersAtWork(roster: Roster, at: Instant, coverage: QueueCoverage = SHIFTS_ONLY): ReadonlyMap<string, AtWork> {
  const atMs = Date.parse(at);
  const atWork = new Map<string, AtWork>();
  for (const region of roster.regions) {
    if (coverage === '24x7') {
      const onCallNow = region.onCall.filter((group) => worksAt((fromMs, untilMs) => onCallSpans(region, group, fromMs, untilMs), atMs));
      onCallNow.flatMap((group) => group.engineerIds).forEach((id) => atWork.set(id, 'on-call'));
    }
    if (worksAt((fromMs, untilMs) => [...shiftSpans(region, fromMs, untilMs)], atMs)) {
      roster.engineers.filter((engineer) => engineer.region === region.id).forEach((engineer) => atWork.set(engineer.id, 'on-shift'));
    }
  }
  return atWork;
}

/** End of the region's stretch at work (back-to-back shifts count as one); undefined when off. */
export function shiftEnd(roster: Roster, region: Region, at: Instant, coverage: QueueCoverage = SHIFTS_ONLY): Instant | undefined {
  return isoOf(stretchAt(regionHours(roster, region, coverage), Date.parse(at))?.end);
}

/** End of the engineer's stretch at work, on shift or on call; undefined when off. */
export function engineerShiftEnd(roster: Roster, engineerId: string, at: Instant, coverage: QueueCoverage = SHIFTS_ONLY): Instant | undefined {
  return isoOf(stretchAt(engineerHours(roster, engineerId, coverage), Date.parse(at))?.end);
}

/** Start of the region's next shift after `at`: after the one in progress, if any. */
export function nextShiftStart(roster: Roster, region: Region, at: Instant, coverage: QueueCoverage = SHIFTS_ONLY): Instant | undefined {
  return isoOf(startAfter(regionHours(roster, region, coverage), Date.parse(at)));
}

/**
 * When the next engineer with the skill who can carry tickets, and is not at work now, starts:
 * the moment to look again for someone to take a ticket nobody can take now.
 */
export function nextSkilledShiftStart(roster: Roster, productArea: string, at: Instant, coverage: QueueCoverage = SHIFTS_ONLY): Instant | undefined {
  const atWork = engineersAtWork(roster, at, coverage);
  const offNow = roster.engineers.filter((engineer) => engineer.skills.includes(productArea) && engineer.capacity > 0 && !atWork.has(engineer.id));
  return isoOf(startAfter((fromMs, untilMs) => staffedSpans(roster, offNow, coverage, fromMs, untilMs), Date.parse(at)));
}

function regionHours(roster: Roster, region: Region, coverage: QueueCoverage): WorkingHours {
  const rostered = regionRoster(roster, region);
  return (fromMs, untilMs) => (rostered === undefined ? [] : regionWorkingSpans(rostered, coverage, fromMs, untilMs));
}

function engineerHours(roster: Roster, engineerId: string, coverage: QueueCoverage): WorkingHours {
  const engineer = roster.engineers.filter((candidate) => candidate.id === engineerId);
  return (fromMs, untilMs) => staffedSpans(roster, engineer, coverage, fromMs, untilMs);
}

function worksAt(hours: WorkingHours, atMs: number): boolean {
  return hours(atMs, atMs + 1).length > 0;
}

/** Clipped to the window, a stretch under way starts exactly at `atMs`. */
function stretchAt(hours: WorkingHours, atMs: number): TimeSpan | undefined {
  const [first] = hours(atMs, atMs + LONGEST_SHIFT_MS);
  return first !== undefined && first.start <= atMs ? first : undefined;
}

function startAfter(hours: WorkingHours, atMs: number): number | undefined {
  const searchFrom = stretchAt(hours, atMs)?.end ?? atMs;
  // Nothing starts at `searchFrom`: it is either an instant off work or the end of a stretch, which
  // back-to-back stretches would have extended.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: see above
  return hours(searchFrom, searchFrom + NEXT_SHIFT_HORIZON_MS).find((span) => span.start > searchFrom)?.start;
}

function isoOf(ms: number | undefined): Instant | undefined {
  return ms === undefined ? undefined : new Date(ms).toISOString();
}
