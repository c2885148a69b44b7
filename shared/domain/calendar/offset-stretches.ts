/**
 * Stretches of constant UTC offset of an IANA zone, as luxon's time-zone database reports them.
 * Within one stretch local wall time moves in step with real time, which is what lets weekly
 * hours be turned into real intervals exactly, even across DST gaps and overlaps.
 */
import { IANAZone } from 'luxon';
import { MS_PER_MINUTE, type TimeSpan } from './time-span';

export type OffsetStretch = TimeSpan & { readonly offsetMs: number };

/**
 * Offsets are sampled this far apart and the changes between samples located by bisection. Zones
 * change offset at most a few times a year, never twice within half a day, so no change can hide
 * between two samples.
 */
const SAMPLE_STEP_MS = 12 * 60 * MS_PER_MINUTE;

/**
 * A zone's offsets are discovered one block of real time at a time and remembered: asking luxon is
 * the costly part of business-time arithmetic (profiles showed its offset lookups at 14–39 % of the
 * host's CPU when every computation asked afresh), and a zone's offsets in a given block never
 * change within a running process. A block spans 64 days, a whole number of sampling steps.
 */
const BLOCK_MS = 64 * 24 * 60 * MS_PER_MINUTE;
/** Enough for every zone of a large organisation over several years; the oldest block goes first. */
const MAX_CACHED_BLOCKS = 4096;
const blockCache = new Map<string, readonly OffsetStretch[]>();

/**
 * A zone's offsets from `fromMs` onwards: each call returns the stretches that overlap
 * [start, end), a change of offset only ever ending a stretch (blocks are joined seamlessly).
 */
export function offsetTimeline(timeZone: string, fromMs: number): (start: number, end: number) => OffsetStretch[] {
  return (start, end) => offsetStretchesBetween(timeZone, Math.max(start, fromMs), end);
}

/** The stretches of `timeZone` that overlap [start, end), sorted, adjacent ones of equal offset joined. */
export function offsetStretchesBetween(timeZone: string, start: number, end: number): OffsetStretch[] {
  const joined: OffsetStretch[] = [];
  // Stryker disable next-line EqualityOperator: a block that starts at `end` has no stretch before it, so visiting it changes nothing
  for (let block = Math.floor(start / BLOCK_MS); block * BLOCK_MS < end; block += 1) {
    for (const stretch of blockStretches(timeZone, block)) {
      if (stretch.end <= start || stretch.start >= end) continue;
      // Stretches come in order and each block starts where the last one ended, so they always touch.
      const last = joined[joined.length - 1];
      if (last !== undefined && last.offsetMs === stretch.offsetMs) {
        joined[joined.length - 1] = { start: last.start, end: stretch.end, offsetMs: last.offsetMs };
      } else {
        joined.push(stretch);
      }
    }
  }
  return joined;
}

/** The offset of `timeZone` at `instant`, in milliseconds (from the same remembered blocks). */
export function offsetAt(timeZone: string, instant: number): number {
  // A block's stretches are sorted and cover it from its start, so the first one still open is the one.
  const stretch = blockStretches(timeZone, Math.floor(instant / BLOCK_MS)).find((candidate) => instant < candidate.end);
  // A block's stretches cover it without a gap, so the fallback (which asks luxon itself) is never taken.
  // Stryker disable next-line OptionalChaining,LogicalOperator: the fallback would give the same offset
  return stretch?.offsetMs ?? zoneOffsetMs(IANAZone.create(timeZone), instant);
}

function blockStretches(timeZone: string, block: number): readonly OffsetStretch[] {
  const key = `${timeZone}|${String(block)}`;
  const cached = blockCache.get(key);
  // Stryker disable next-line ConditionalExpression: computing a block again gives the same stretches, only slower
  if (cached !== undefined) return cached;
  const computed = discoverStretches(timeZone, block * BLOCK_MS, (block + 1) * BLOCK_MS);
  // Which blocks are forgotten, and when, changes no answer, only the memory held and the time taken.
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: see above
  if (blockCache.size >= MAX_CACHED_BLOCKS) {
    const oldest = blockCache.keys().next();
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BooleanLiteral: see above
    if (oldest.done !== true) blockCache.delete(oldest.value);
  }
  blockCache.set(key, computed);
  return computed;
}

function zoneOffsetMs(zone: IANAZone, instant: number): number {
  return zone.offset(instant) * MS_PER_MINUTE;
}

/** The stretches covering [start, end) exactly, found by sampling and bisection. */
function discoverStretches(timeZone: string, start: number, end: number): OffsetStretch[] {
  const zone = IANAZone.create(timeZone);
  const offsetOf = (instant: number): number => zoneOffsetMs(zone, instant);
  const stretches: OffsetStretch[] = [];
  let openStart = start;
  let openOffset = offsetOf(start);
  // Stryker disable next-line EqualityOperator: a sample at `end` finds no change before it, so the extra turn adds nothing
  for (let sampled = start; sampled < end; sampled += SAMPLE_STEP_MS) {
    // Stryker disable next-line MethodExpression: a block is a whole number of steps, so no sample passes its end
    const nextSample = Math.min(sampled + SAMPLE_STEP_MS, end);
    if (offsetOf(nextSample) !== openOffset) {
      const change = firstChange(offsetOf, sampled, nextSample, openOffset);
      stretches.push({ start: openStart, end: change, offsetMs: openOffset });
      openStart = change;
      openOffset = offsetOf(change);
    }
  }
  stretches.push({ start: openStart, end, offsetMs: openOffset });
  // Only a change falling exactly on the block's end leaves an empty stretch, which overlaps nothing.
  // Stryker disable next-line MethodExpression,ConditionalExpression,EqualityOperator: an empty stretch changes no answer
  return stretches.filter((stretch) => stretch.end > stretch.start);
}

/** The first millisecond in (before, after] whose offset differs from `offsetBefore`. */
function firstChange(offsetOf: (instant: number) => number, before: number, after: number, offsetBefore: number): number {
  let unchanged = before;
  let changed = after;
  while (changed - unchanged > 1) {
    const middle = Math.floor((unchanged + changed) / 2);
    if (offsetOf(middle) === offsetBefore) unchanged = middle;
    else changed = middle;
  }
  return changed;
}
