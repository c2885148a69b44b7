/**
 * Follow-the-sun order: where a ticket goes when its region's shift ends. The order is the one in
 * which the regions' shifts follow each other around the clock, read from the shifts themselves:
 * the sun moves west, so with New York, London and Sydney it runs APAC → EMEA → AMER → APAC.
 */
import { type TimeSpan, MS_PER_MINUTE, mergeSpans } from '../calendar/time-span';
import type { Instant, Region } from '../primitives';
import type { QueueCoverage } from '../routing/queue';
import { SHIFTS_ONLY, regionOnShift, regionWorkingSpans, shiftSpans } from './region-shifts';
import type { RegionRoster, Roster } from './roster';

const MS_PER_DAY = 24 * 60 * MS_PER_MINUTE;
const MS_PER_WEEK = 7 * MS_PER_DAY;

/**
 * Two ordinary weeks, one in each half of the year, so that the order is read under both DST
 * regimes of both hemispheres (each week from Monday 00:00 UTC).
 */
const REFERENCE_WEEKS = ['2026-01-05T00:00:00.000Z', '2026-07-06T00:00:00.000Z'].map(Date.parse);

/**
 * How far back to look for when a stretch at work began. Regions that have worked for longer are
 * all equally far from where the sun is; they count as having begun a day ago.
 */
const ARRIVAL_HORIZON_MS = MS_PER_DAY;

/** A region's stretch at work and when it began. */
type Arrival = { readonly region: Region; readonly since: number };

/**
 * The sun's successor among regions at work: the one whose stretch at work began last, which is
 * where the sun has just arrived. A region that has worked for hours is further behind the sun, and
 * would hand the ticket on again sooner. Equal starts go to the region listed first on the roster.
 */
function latestArrival(arrivals: readonly Arrival[]): Region | undefined {
  return arrivals.reduce<Arrival | undefined>((latest, arrival) => (latest === undefined || arrival.since > latest.since ? arrival : latest), undefined)?.region;
}

/**
 * The region a ticket goes to when `fromRegion`'s engineer goes off shift at `at`: of the other
 * regions at work then (for 24x7 work, counting engineers on call), the one whose stretch began
 * last. When no other region works the ticket stays in its own region if that one still does.
 * The order comes from the shifts, not from configuration, so it cannot contradict them: a ticket
 * handed over late (after waiting on the customer) still goes where the sun is now.
 */
export function nextRegionOnShift(roster: Roster, fromRegion: Region, at: Instant, coverage: QueueCoverage = SHIFTS_ONLY): Region | undefined {
  const atMs = Date.parse(at);
  const arrivals = roster.regions
    .filter((region) => region.id !== fromRegion)
    .flatMap((region): Arrival[] => {
      const stretch = spanAt(regionWorkingSpans(region, coverage, atMs - ARRIVAL_HORIZON_MS, atMs + 1), atMs);
      return stretch === undefined ? [] : [{ region: region.id, since: stretch.start }];
    });
  return latestArrival(arrivals) ?? (regionOnShift(roster, fromRegion, at, coverage) ? fromRegion : undefined);
}

export type ShiftOrder = { readonly ok: true; readonly order: readonly Region[] } | { readonly ok: false; readonly reason: string };

/**
 * The order in which the regions' shifts follow each other around the clock, as the handoff rule
 * above moves a ticket at each shift end (shifts only: on-call cover and holidays fill gaps, they
 * do not reorder the day). When a region's shift ends and no other region works, the one whose
 * shift starts next takes over. A roster has an order only when every region with shifts always
 * hands over to the same region and following them visits every region. The order starts at the
 * first region on the roster (a cycle has no first region; `startingAt` turns it).
 */
export function shiftOrder(regions: readonly RegionRoster[]): ShiftOrder {
  const [only, ...rest] = regions;
  // Stryker disable next-line ConditionalExpression: a roster has at least one region, so `only` is there
  if (only !== undefined && rest.length === 0) return { ok: true, order: [only.id] };
  const successors = new Map<Region, Set<Region>>();
  for (const weekStart of REFERENCE_WEEKS) {
    const stretches = regions.map((region) => ({ region: region.id, spans: shiftStretches(region, weekStart - 2 * MS_PER_DAY, weekStart + MS_PER_WEEK + 2 * MS_PER_DAY) }));
    for (const { region, spans } of stretches) {
      const others = stretches.filter((candidate) => candidate.region !== region);
      spans
        .filter((span) => span.end >= weekStart && span.end < weekStart + MS_PER_WEEK)
        .forEach((span) => {
          const successor = takingOverAt(others, span.end);
          if (successor !== undefined) successors.set(region, new Set([...(successors.get(region) ?? []), successor]));
        });
    }
  }
  return orderOf(regions, successors);
}

/** `order` as an arrow chain, for messages and documents: `APAC → EMEA → AMER`. */
export function describeOrder(order: readonly Region[]): string {
  return order.join(' → ');
}

/** Whether two orders are the same cycle, wherever each starts. */
export function sameCycle(first: readonly Region[], second: readonly Region[]): boolean {
  const [head] = first;
  if (head === undefined || first.length !== second.length) return first.length === second.length;
  const offset = second.indexOf(head);
  // Stryker disable next-line ConditionalExpression: with no offset every index reads before the start of `second`, where no region is
  return offset >= 0 && first.every((region, index) => second[(offset + index) % second.length] === region);
}

/** `order` turned so that it starts at `region` (unchanged when `region` is not in it). */
export function startingAt(order: readonly Region[], region: Region | undefined): Region[] {
  // Stryker disable next-line ConditionalExpression: `indexOf(undefined)` finds nothing too; the check only narrows the type
  const index = region === undefined ? -1 : order.indexOf(region);
  // Stryker disable next-line EqualityOperator: turned at its first region an order is itself
  return index < 0 ? [...order] : [...order.slice(index), ...order.slice(0, index)];
}

/** A region's shifts as continuous stretches, ignoring holidays: the order is a weekly pattern. */
function shiftStretches(region: RegionRoster, fromMs: number, untilMs: number): TimeSpan[] {
  // Stryker disable next-line ArrayDeclaration: a stray entry is a date no shift falls on
  return mergeSpans(shiftSpans({ ...region, holidays: [] }, fromMs, untilMs));
}

type RegionStretches = { readonly region: Region; readonly spans: readonly TimeSpan[] };

function takingOverAt(others: readonly RegionStretches[], atMs: number): Region | undefined {
  const atWork = others.flatMap(({ region, spans }): Arrival[] => {
    const stretch = spanAt(spans, atMs);
    return stretch === undefined ? [] : [{ region, since: stretch.start }];
  });
  if (atWork.length > 0) return latestArrival(atWork);
  // A region whose shift starts at `atMs` is at work then, found above; a region's spans are sorted,
  // so its first later start is the earliest of them all.
  // Stryker disable next-line MethodExpression,EqualityOperator: see above
  const nextStarts = others.flatMap(({ region, spans }) => spans.filter((span) => span.start > atMs).slice(0, 1).map((span) => ({ region, start: span.start })));
  return nextStarts.reduce<{ region: Region; start: number } | undefined>((first, next) => (first === undefined || next.start < first.start ? next : first), undefined)?.region;
}

function orderOf(regions: readonly RegionRoster[], successors: ReadonlyMap<Region, ReadonlySet<Region>>): ShiftOrder {
  for (const [region, next] of successors) {
    if (next.size > 1) return { ok: false, reason: `at the end of its shifts ${region} hands over to ${[...next].join(' or ')}` };
  }
  const start = regions.find((region) => successors.has(region.id))?.id;
  if (start === undefined) return { ok: false, reason: 'no shift is followed by another region’s' };
  const order: Region[] = [start];
  for (let next = [...(successors.get(start) ?? [])][0]; next !== undefined && next !== start; next = [...(successors.get(next) ?? [])][0]) {
    if (order.includes(next)) return { ok: false, reason: `${describeOrder([...order, next])} comes round without reaching ${start} again` };
    order.push(next);
  }
  const missing = regions.filter((region) => !order.includes(region.id)).map((region) => region.id);
  if (missing.length > 0) return { ok: false, reason: `the shifts go round ${describeOrder(order)} and never reach ${missing.join(', ')}` };
  if (!(successors.get(order[order.length - 1] ?? start)?.has(start) ?? false)) return { ok: false, reason: `${describeOrder(order)} does not come back to ${start}` };
  return { ok: true, order };
}

/** The span of sorted, disjoint spans that contains `atMs`. */
function spanAt(spans: readonly TimeSpan[], atMs: number): TimeSpan | undefined {
  return spans.find((span) => span.start <= atMs && atMs < span.end);
}
