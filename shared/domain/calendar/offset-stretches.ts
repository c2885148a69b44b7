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
 * A zone's offsets from `fromMs` onwards, discovered lazily: each call returns the stretches that
 * overlap [start, end) and only asks the zone about time it has not seen yet. Asking luxon is the
 * costly part of business-time arithmetic, so a walk forward through many days asks once per step.
 */
export function offsetTimeline(timeZone: string, fromMs: number): (start: number, end: number) => OffsetStretch[] {
  const zone = IANAZone.create(timeZone);
  const offsetAt = (instant: number): number => zone.offset(instant) * MS_PER_MINUTE;
  const settled: OffsetStretch[] = [];
  let openStart = fromMs;
  let openOffset = offsetAt(fromMs);
  let sampledUntil = fromMs;

  return (start, end) => {
    while (sampledUntil < end) {
      const nextSample = sampledUntil + SAMPLE_STEP_MS;
      if (offsetAt(nextSample) !== openOffset) {
        const change = firstChange(offsetAt, sampledUntil, nextSample, openOffset);
        settled.push({ start: openStart, end: change, offsetMs: openOffset });
        openStart = change;
        openOffset = offsetAt(change);
      }
      sampledUntil = nextSample;
    }
    const known = [...settled, { start: openStart, end: sampledUntil, offsetMs: openOffset }];
    return known.filter((stretch) => stretch.end > start && stretch.start < end);
  };
}

/** The first millisecond in (before, after] whose offset differs from `offsetBefore`. */
function firstChange(offsetAt: (instant: number) => number, before: number, after: number, offsetBefore: number): number {
  let unchanged = before;
  let changed = after;
  while (changed - unchanged > 1) {
    const middle = Math.floor((unchanged + changed) / 2);
    if (offsetAt(middle) === offsetBefore) unchanged = middle;
    else changed = middle;
  }
  return changed;
}
