/**
 * What the staff console reads of the `tickets` container: a summary of every open ticket (a few
 * small fields, never the timeline) for the lists, kept by the open-ticket index, and whole
 * tickets only for the few that a page shows with their SLA clocks, read by number.
 */
import { z } from 'zod';
import { InstantSchema } from '../domain/primitives';
import { TicketSchema, type Ticket } from '../domain/ticket/ticket';
import type { TicketList, TicketRepository } from './ticket-repository';

/** What the lists show and filter by, for one open ticket. */
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

/** At most this many whole tickets on one page (My work, the TAM view); the rest are reported as skipped, and the page says so. */
export const MAX_WHOLE_TICKETS = 500;

/**
 * The tickets of these numbers, read whole and at once (point reads, the cheapest read Cosmos DB
 * has); a number whose ticket is gone or no longer reads, or past the limit, is left out and listed
 * as skipped.
 */
export async function ticketsByNumber(repository: Pick<TicketRepository, 'read'>, ticketNumbers: readonly string[]): Promise<TicketList> {
  const reads = await Promise.all(ticketNumbers.slice(0, MAX_WHOLE_TICKETS).map((ticketNumber) => repository.read(ticketNumber)));
  const tickets: Ticket[] = [];
  const skipped: { id: string; reason: string }[] = ticketNumbers.slice(MAX_WHOLE_TICKETS).map((id) => ({ id, reason: `over the limit of ${String(MAX_WHOLE_TICKETS)} a page shows` }));
  for (const [index, read] of reads.entries()) {
    if (read.kind === 'failed') return read;
    if (read.kind === 'found') tickets.push(read.ticket);
    else skipped.push({ id: ticketNumbers[index] ?? '', reason: read.kind === 'invalid' ? read.reason : 'not found' });
  }
  return { kind: 'read', tickets, skipped };
}
