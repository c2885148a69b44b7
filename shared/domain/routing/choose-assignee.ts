/**
 * Chooses who takes a ticket: an engineer of the queue's product area who is on shift (or, for
 * 24x7 work, on call) and below capacity, the least loaded first. When nobody qualifies it says
 * why, and the caller escalates to the queue lead.
 */
import type { Instant, Region } from '../primitives';
import { engineersAtWork } from '../roster/region-shifts';
import type { Engineer, Roster } from '../roster/roster';
import type { Queue, QueueCoverage } from './queue';

export type AssignmentRequest = {
  readonly roster: Roster;
  readonly queue: Queue;
  readonly productArea: string;
  readonly at: Instant;
  /** Open tickets per engineer id; an engineer not listed carries none. */
  readonly openTicketLoad: Readonly<Record<string, number>>;
  /** E.g. the engineer handing the ticket off, or one the customer asked not to work with. */
  readonly excludeEngineerIds?: readonly string[];
  /** Keeps a ticket in a region (the customer's, or the one it was handed to) when someone there qualifies. */
  readonly preferRegion?: Region;
  /** '24x7' for work whose SLA runs around the clock, which engineers on call take too; shifts only by default. */
  readonly coverage?: QueueCoverage;
};

export type NoAssigneeReason =
  | 'product-area-outside-queue'
  | 'no-skilled-engineer'
  | 'all-skilled-excluded'
  | 'no-skilled-engineer-on-shift'
  | 'all-at-capacity';

export type AssignmentDecision =
  | { readonly ok: true; readonly engineer: Engineer; readonly openTickets: number }
  | { readonly ok: false; readonly reason: NoAssigneeReason; readonly escalateTo: string };

export function chooseAssignee(request: AssignmentRequest): AssignmentDecision {
  const { roster, queue, productArea, at, openTicketLoad } = request;
  const noAssignee = (reason: NoAssigneeReason): AssignmentDecision => ({ ok: false, reason, escalateTo: queue.leadEngineerId });
  if (!queue.productAreas.includes(productArea)) return noAssignee('product-area-outside-queue');

  const skilled = roster.engineers.filter((engineer) => engineer.skills.includes(productArea));
  if (skilled.length === 0) return noAssignee('no-skilled-engineer');
  // Stryker disable next-line ArrayDeclaration: a mutant's placeholder id names no engineer, so excluding it excludes nobody, as excluding none does
  const excluded = new Set(request.excludeEngineerIds ?? []);
  const eligible = skilled.filter((engineer) => !excluded.has(engineer.id));
  if (eligible.length === 0) return noAssignee('all-skilled-excluded');

  const atWork = engineersAtWork(roster, at, request.coverage);
  const working = eligible.filter((engineer) => atWork.has(engineer.id));
  if (working.length === 0) return noAssignee('no-skilled-engineer-on-shift');
  const loadOf = (engineer: Engineer): number => openTicketLoad[engineer.id] ?? 0;
  const available = working.filter((engineer) => loadOf(engineer) < engineer.capacity);

  const onCallOnly = (engineer: Engineer): boolean => atWork.get(engineer.id) === 'on-call';
  const [chosen] = [...available].sort((a, b) => compareCandidates(a, b, { loadOf, onCallOnly, preferRegion: request.preferRegion }));
  return chosen === undefined ? noAssignee('all-at-capacity') : { ok: true, engineer: chosen, openTickets: loadOf(chosen) };
}

type Ranking = {
  readonly loadOf: (engineer: Engineer) => number;
  readonly onCallOnly: (engineer: Engineer) => boolean;
  readonly preferRegion: Region | undefined;
};

/**
 * Preferred region first; then someone on shift before someone only on call (on call is for when
 * no shift can take the work); then the lighter load; at equal load an engineer before a team lead
 * (leads also coordinate), and finally the id, so that the same inputs always give the same answer.
 */
function compareCandidates(a: Engineer, b: Engineer, ranking: Ranking): number {
  const inPreferred = (engineer: Engineer): number => (engineer.region === ranking.preferRegion ? 0 : 1);
  const onCallLast = (engineer: Engineer): number => (ranking.onCallOnly(engineer) ? 1 : 0);
  const leadLast = (engineer: Engineer): number => (engineer.role === 'team-lead' ? 1 : 0);
  return (
    inPreferred(a) - inPreferred(b) ||
    onCallLast(a) - onCallLast(b) ||
    ranking.loadOf(a) - ranking.loadOf(b) ||
    leadLast(a) - leadLast(b) ||
    a.id.localeCompare(b.id)
  );
}
