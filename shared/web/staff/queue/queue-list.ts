/**
 * The queue, as data: the open tickets that match the filters and the search, counted by the state
 * of their nearest SLA deadline, in the order to work them, one page at a time. People who may
 * assign (team leads, by the role matrix) see the tickets nobody owns and the stalled ones first.
 * Pure: the summaries and the time are given.
 */
import type { Instant, Region, Severity } from '../../../domain/primitives';
import type { EngineerRef } from '../../../domain/ticket/engineer-ref';
import type { TicketStatus } from '../../../domain/ticket/ticket-status';
import { displayedSlaDeadline } from '../../../store/sla-deadline';
import type { OpenTicketSummary } from '../../../store/console-queries';
import { RowSlaStateSchema, rowSlaState, type RowSlaState } from '../sla-states';
import { UNASSIGNED, type QueueFilters, type SlaFilter } from './queue-filters';
import { ticketHeadline } from '../../../domain/ticket/ticket-headline';

export const QUEUE_PAGE_SIZE = 25;

export interface QueueRow {
  readonly ticketNumber: string;
  readonly title?: string;
  readonly company?: string;
  readonly severity?: Severity;
  readonly status: TicketStatus;
  readonly queueId?: string;
  readonly assignee?: EngineerRef;
  readonly slaState: RowSlaState;
  readonly dueAt?: Instant;
  /** Handed from region to region without news for the customer (the stall rule). */
  readonly stalled: boolean;
}

export interface QueueList {
  readonly rows: readonly QueueRow[];
  /** Tickets matching every filter but the SLA one, by the state of their nearest deadline. */
  readonly counts: Readonly<Record<RowSlaState, number>>;
  /** Tickets matching every filter, on all pages. */
  readonly matching: number;
  readonly page: number;
  readonly pages: number;
}

export interface QueueListOptions {
  readonly now: Instant;
  /** Unassigned and stalled tickets first, for people who may assign. */
  readonly assignerOrder: boolean;
  readonly stallThreshold: number;
  readonly pageSize?: number;
}

function regionOf(summary: OpenTicketSummary): Region | undefined {
  return summary.assignee?.region;
}

function matchesSearch(summary: OpenTicketSummary, search: string): boolean {
  const words = search.toLowerCase().split(/\s+/).filter((word) => word !== '');
  const haystack = [summary.ticketNumber, summary.title ?? '', summary.company ?? ''].join('\n').toLowerCase();
  return words.every((word) => haystack.includes(word));
}

function matchesFilters(summary: OpenTicketSummary, filters: QueueFilters): boolean {
  if (filters.queue !== undefined && summary.queueId !== filters.queue) return false;
  if (filters.status !== undefined && summary.status !== filters.status) return false;
  if (filters.severity !== undefined && summary.severity !== filters.severity) return false;
  if (filters.region !== undefined && regionOf(summary) !== filters.region) return false;
  if (filters.assignee !== undefined) {
    const assignee = summary.assignee?.engineerId ?? UNASSIGNED;
    if (assignee !== filters.assignee) return false;
  }
  return filters.q === undefined || matchesSearch(summary, filters.q);
}

function matchesSla(state: RowSlaState, filter: SlaFilter | undefined): boolean {
  if (filter === undefined) return true;
  return filter === 'at-risk' ? state === 'breached' || state === 'warning' : state === filter;
}

function row(summary: OpenTicketSummary, options: QueueListOptions): QueueRow {
  const dueAt = displayedSlaDeadline(summary);
  return {
    ...ticketHeadline(summary),
    ...(summary.queueId === undefined ? {} : { queueId: summary.queueId }),
    ...(summary.assignee === undefined ? {} : { assignee: summary.assignee }),
    slaState: rowSlaState(summary, options.now),
    ...(dueAt === undefined ? {} : { dueAt }),
    stalled: summary.handoffsSinceCustomerUpdate >= options.stallThreshold,
  };
}

/** The order to work the rows in, each row's sort keys computed once (thousands of rows, no date parsing in the comparisons). */
function inWorkOrder(rows: readonly QueueRow[], assignerOrder: boolean): QueueRow[] {
  const keyed = rows.map((queueRow) => ({
    queueRow,
    needsAssigner: assignerOrder && (queueRow.assignee === undefined || queueRow.stalled) ? 0 : 1,
    dueMs: queueRow.dueAt === undefined ? Number.POSITIVE_INFINITY : Date.parse(queueRow.dueAt),
  }));
  keyed.sort((first, second) => {
    if (first.needsAssigner !== second.needsAssigner) return first.needsAssigner - second.needsAssigner;
    if (first.dueMs !== second.dueMs) return first.dueMs < second.dueMs ? -1 : 1;
    return first.queueRow.ticketNumber < second.queueRow.ticketNumber ? -1 : first.queueRow.ticketNumber > second.queueRow.ticketNumber ? 1 : 0;
  });
  return keyed.map((entry) => entry.queueRow);
}

export function queueList(summaries: readonly OpenTicketSummary[], filters: QueueFilters, options: QueueListOptions): QueueList {
  const pageSize = options.pageSize ?? QUEUE_PAGE_SIZE;
  const filtered = summaries.filter((summary) => matchesFilters(summary, filters)).map((summary) => row(summary, options));
  const counts = Object.fromEntries(RowSlaStateSchema.options.map((state) => [state, 0])) as Record<RowSlaState, number>;
  for (const queueRow of filtered) counts[queueRow.slaState] += 1;
  const matching = inWorkOrder(filtered.filter((queueRow) => matchesSla(queueRow.slaState, filters.sla)), options.assignerOrder);
  const pages = Math.max(1, Math.ceil(matching.length / pageSize));
  const page = Math.min(filters.page, pages);
  return { rows: matching.slice((page - 1) * pageSize, page * pageSize), counts, matching: matching.length, page, pages };
}
