/**
 * Where a queue is left uncovered: the stretches in which, for some product area of the queue, no
 * engineer with that skill (and room for tickets) is at work. A 24x7 queue must have none, and
 * counts engineers on call; a business-hours queue counts shifts only.
 */
import { type TimeSpan, complementSpans } from '../calendar/time-span';
import type { Instant } from '../primitives';
import type { Queue } from '../routing/queue';
import { staffedSpans } from './region-shifts';
import type { Roster } from './roster';

export type CoverageGap = { readonly from: Instant; readonly to: Instant; readonly uncoveredProductAreas: readonly string[] };

export function coverageGaps(roster: Roster, queue: Queue, from: Instant, to: Instant): CoverageGap[] {
  // A window that is empty or reversed leaves nothing uncovered: the complement of the staffed
  // hours within it is empty.
  const window = { start: Date.parse(from), end: Date.parse(to) };
  const gapsByArea = queue.productAreas.map((productArea) => ({ productArea, gaps: uncoveredSpans(roster, queue, productArea, window) }));
  const boundaries = [...new Set(gapsByArea.flatMap(({ gaps }) => gaps.flatMap((gap) => [gap.start, gap.end])))].sort((a, b) => a - b);

  // Every boundary is where some area's gap starts or ends (an area's gaps never touch), so the
  // uncovered areas change at each one and no two neighbouring pieces need joining.
  const gaps: { start: number; end: number; areas: string[] }[] = [];
  boundaries.forEach((start, index) => {
    const end = boundaries[index + 1];
    // Stryker disable next-line ConditionalExpression: the last boundary ends every gap, so no area is uncovered after it
    if (end === undefined) return;
    const areas = gapsByArea.filter(({ gaps: spans }) => spans.some((gap) => gap.start <= start && start < gap.end)).map(({ productArea }) => productArea);
    if (areas.length > 0) gaps.push({ start, end, areas });
  });
  return gaps.map((gap) => ({ from: new Date(gap.start).toISOString(), to: new Date(gap.end).toISOString(), uncoveredProductAreas: gap.areas }));
}

function uncoveredSpans(roster: Roster, queue: Queue, productArea: string, window: TimeSpan): TimeSpan[] {
  // An engineer who can carry no ticket covers nothing.
  const skilled = roster.engineers.filter((engineer) => engineer.skills.includes(productArea) && engineer.capacity > 0);
  return complementSpans(staffedSpans(roster, skilled, queue.coverage, window.start, window.end), window);
}
