/**
 * The staff console's reads of the `tickets` container. The queue needs every open ticket to
 * filter, search, count and page them, so it reads a summary of each (a few small fields, never
 * the timeline) in one round trip; the pages that show SLA clocks read whole tickets, but only the
 * few assigned to one engineer or under one TAM's contracts.
 */
import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import { FINISHED_STATUSES } from '../domain/ticket/ticket-status';
import { TicketSchema, type Ticket } from '../domain/ticket/ticket';
import { InstantSchema } from '../domain/primitives';
import { queryDocuments } from './query-documents';
import { StoredTicketSchema, ticketOf } from './stored-ticket';
import type { TicketList } from './ticket-repository';

/** What the queue shows and filters by, for one open ticket. */
export const OpenTicketSummarySchema = TicketSchema.pick({
  ticketNumber: true,
  title: true,
  company: true,
  severity: true,
  status: true,
  queueId: true,
  assignee: true,
  contractId: true,
  handoffsSinceCustomerUpdate: true,
  slaNextDueAt: true,
  createdAt: true,
  updatedAt: true,
}).extend({ slaNextWarningAt: InstantSchema.optional() });
export type OpenTicketSummary = z.infer<typeof OpenTicketSummarySchema>;

export type OpenTicketSummaries =
  | { readonly kind: 'read'; readonly summaries: readonly OpenTicketSummary[]; readonly skipped: number }
  | Extract<TicketList, { kind: 'failed' }>;

/** A desk with more open tickets than this has a problem no list solves; the page says so. */
export const MAX_OPEN_SUMMARIES = 20_000;
/** Rows per round trip: 5,000 open tickets in two. */
const SUMMARY_PAGE_SIZE = 2_500;
/** At most this many whole tickets on My work or the TAM view. */
export const MAX_TICKETS_PER_PERSON = 500;

const SUMMARY_FIELDS = Object.keys(OpenTicketSummarySchema.shape)
  .map((field) => `c.${field}`)
  .join(', ');

const OPEN = 'NOT ARRAY_CONTAINS(@finished, c.status)';

export async function openTicketSummaries(container: Container): Promise<OpenTicketSummaries> {
  const rows = await queryDocuments(
    container,
    { query: `SELECT TOP ${String(MAX_OPEN_SUMMARIES)} ${SUMMARY_FIELDS} FROM c WHERE ${OPEN}`, parameters: [{ name: '@finished', value: [...FINISHED_STATUSES] }] },
    OpenTicketSummarySchema,
    { maxItems: MAX_OPEN_SUMMARIES, pageSize: SUMMARY_PAGE_SIZE },
  );
  if (rows.kind === 'failed') return rows;
  return { kind: 'read', summaries: rows.documents, skipped: rows.skipped.length };
}

async function wholeTickets(container: Container, where: string, parameters: { name: string; value: string | string[] }[]): Promise<TicketList> {
  const rows = await queryDocuments(
    container,
    {
      query: `SELECT TOP ${String(MAX_TICKETS_PER_PERSON)} * FROM c WHERE ${where} AND ${OPEN}`,
      parameters: [...parameters, { name: '@finished', value: [...FINISHED_STATUSES] }],
    },
    StoredTicketSchema,
    { maxItems: MAX_TICKETS_PER_PERSON, pageSize: MAX_TICKETS_PER_PERSON },
  );
  if (rows.kind === 'failed') return rows;
  return { kind: 'read', tickets: rows.documents.map(ticketOf), skipped: rows.skipped };
}

/** The open tickets an engineer of the roster is assigned. */
export function openTicketsAssignedTo(container: Container, engineerId: string): Promise<TicketList> {
  return wholeTickets(container, 'c.assignee.engineerId = @engineerId', [{ name: '@engineerId', value: engineerId }]);
}

/** The open tickets under any of these contracts. */
export function openTicketsUnderContracts(container: Container, contractIds: readonly string[]): Promise<TicketList> {
  if (contractIds.length === 0) return Promise.resolve({ kind: 'read', tickets: [] as Ticket[], skipped: [] });
  return wholeTickets(container, 'ARRAY_CONTAINS(@contracts, c.contractId)', [{ name: '@contracts', value: [...contractIds] }]);
}
