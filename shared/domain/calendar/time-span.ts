/**
 * Half-open stretches of real time in epoch milliseconds, the unit all business-time arithmetic
 * works in: instants are only turned back into ISO strings at the edges of the domain.
 */

export type TimeSpan = { readonly start: number; readonly end: number };

/** Sorted, non-overlapping spans; touching or overlapping spans become one, empty ones vanish. */
export function mergeSpans(spans: Iterable<TimeSpan>): TimeSpan[] {
  const sorted = [...spans].filter((span) => span.end > span.start).sort((a, b) => a.start - b.start);
  const merged: TimeSpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) {
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    } else {
      merged.push(span);
    }
  }
  return merged;
}

/** The parts of `span` that no hole covers; `holes` must be merged (see mergeSpans). */
export function subtractSpans(span: TimeSpan, holes: readonly TimeSpan[]): TimeSpan[] {
  const remaining: TimeSpan[] = [];
  let cursor = span.start;
  for (const hole of holes) {
    // Holes are sorted, so none after this one reaches into the span.
    // Stryker disable next-line EqualityOperator: a hole starting exactly at the span's end removes nothing either way
    if (hole.start >= span.end) break;
    // A hole wholly behind the cursor leaves no piece and does not move it.
    if (hole.start > cursor) remaining.push({ start: cursor, end: hole.start });
    cursor = Math.max(cursor, hole.end);
  }
  if (cursor < span.end) remaining.push({ start: cursor, end: span.end });
  return remaining;
}

/** The parts of `within` that the merged `covered` spans leave open. */
export function complementSpans(covered: readonly TimeSpan[], within: TimeSpan): TimeSpan[] {
  return subtractSpans(within, covered);
}

export function spanLength(spans: Iterable<TimeSpan>): number {
  let total = 0;
  for (const span of spans) total += span.end - span.start;
  return total;
}

export const MS_PER_MINUTE = 60_000;
