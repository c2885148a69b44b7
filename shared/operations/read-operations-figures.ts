/**
 * Reads what the operations figures are computed from: the standing of open tickets, those changed
 * within the figures' window (their recent timeline events), and the outbox messages not yet sent. Used by
 * the app's snapshot timer in Azure and by the offline stack's `/admin/metrics`.
 */
import type { Database } from '@azure/cosmos';
import { z } from 'zod';
import { FIGURES_WINDOW_MS, operationsFigures, type OperationsFigures } from '../domain/metrics/operations-figures';
import { InstantSchema, SeveritySchema } from '../domain/primitives';
import { FINISHED_STATUSES, TicketStatusSchema } from '../domain/ticket/ticket-status';
import { OutboxStatusSchema } from '../email/outbox-message';
import { OUTBOX_CONTAINER, TICKETS_CONTAINER } from '../store/containers';
import { queryDocuments } from '../store/query-documents';
import type { StoreFailure } from '../store/store-failure';
import { StoredTicketSchema, ticketOf } from '../store/stored-ticket';

const OutboxRowSchema = z.object({ status: OutboxStatusSchema, createdAt: InstantSchema });
/** The projection the open-ticket counts read: a few dozen bytes per ticket, whatever its timeline. */
const OpenTicketRowSchema = z.object({ status: TicketStatusSchema, severity: SeveritySchema.optional(), raisedAlertKeys: z.array(z.string()) });

const OPEN_ROWS_PER_PAGE = 1_000;

export type FiguresRead = { readonly kind: 'read'; readonly figures: OperationsFigures } | { readonly kind: 'failed'; readonly failure: StoreFailure };

/**
 * Three queries: the standing of every open ticket (three fields, no document), the tickets changed
 * within the window (whole, for their recent events: what the hour did, not what is open), and the
 * unsent emails. Before, every open ticket's whole document was read and parsed every five minutes,
 * which was the part of a quiet hour that grew with the backlog.
 */
export async function readOperationsFigures(database: Database, now: Date): Promise<FiguresRead> {
  const since = new Date(now.getTime() - FIGURES_WINDOW_MS).toISOString();
  const tickets = database.container(TICKETS_CONTAINER);
  const [open, changed, outbox] = await Promise.all([
    queryDocuments(
      tickets,
      {
        query: 'SELECT c.status, c.severity, c.raisedAlertKeys FROM c WHERE ARRAY_CONTAINS(@finished, c.status) = false',
        parameters: [{ name: '@finished', value: [...FINISHED_STATUSES] }],
      },
      OpenTicketRowSchema,
      // Rows of a few dozen bytes: a thousand to a page keeps the request count flat as the backlog grows.
      { pageSize: OPEN_ROWS_PER_PAGE },
    ),
    // The ORDER BY walks the range index on updatedAt from `since` on: the hour's changes, not every ticket.
    queryDocuments(tickets, { query: 'SELECT * FROM c WHERE c.updatedAt > @since ORDER BY c.updatedAt', parameters: [{ name: '@since', value: since }] }, StoredTicketSchema),
    queryDocuments(
      database.container(OUTBOX_CONTAINER),
      { query: 'SELECT c.status, c.createdAt FROM c WHERE c.status != @sent', parameters: [{ name: '@sent', value: 'sent' }] },
      OutboxRowSchema,
    ),
  ]);
  if (open.kind === 'failed') return open;
  if (changed.kind === 'failed') return changed;
  if (outbox.kind === 'failed') return outbox;
  return { kind: 'read', figures: operationsFigures({ open: open.documents, changedInWindow: changed.documents.map(ticketOf), outbox: outbox.documents }, now.toISOString()) };
}
