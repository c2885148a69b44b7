/**
 * Reads what the operations figures are computed from: open tickets and those changed within the
 * figures' window (their recent timeline events), and the outbox messages not yet sent. Used by
 * the app's snapshot timer in Azure and by the offline stack's `/admin/metrics`.
 */
import type { Database } from '@azure/cosmos';
import { z } from 'zod';
import { FIGURES_WINDOW_MS, operationsFigures, type OperationsFigures } from '../domain/metrics/operations-figures';
import { InstantSchema } from '../domain/primitives';
import { FINISHED_STATUSES } from '../domain/ticket/ticket-status';
import { OutboxStatusSchema } from '../email/outbox-message';
import { OUTBOX_CONTAINER, TICKETS_CONTAINER } from '../store/containers';
import { queryDocuments } from '../store/query-documents';
import type { StoreFailure } from '../store/store-failure';
import { StoredTicketSchema, ticketOf } from '../store/stored-ticket';

const OutboxRowSchema = z.object({ status: OutboxStatusSchema, createdAt: InstantSchema });

export type FiguresRead = { readonly kind: 'read'; readonly figures: OperationsFigures } | { readonly kind: 'failed'; readonly failure: StoreFailure };

export async function readOperationsFigures(database: Database, now: Date): Promise<FiguresRead> {
  const since = new Date(now.getTime() - FIGURES_WINDOW_MS).toISOString();
  const [tickets, outbox] = await Promise.all([
    queryDocuments(
      database.container(TICKETS_CONTAINER),
      {
        query: 'SELECT * FROM c WHERE ARRAY_CONTAINS(@finished, c.status) = false OR c.updatedAt > @since',
        parameters: [
          { name: '@finished', value: [...FINISHED_STATUSES] },
          { name: '@since', value: since },
        ],
      },
      StoredTicketSchema,
    ),
    queryDocuments(
      database.container(OUTBOX_CONTAINER),
      { query: 'SELECT c.status, c.createdAt FROM c WHERE c.status != @sent', parameters: [{ name: '@sent', value: 'sent' }] },
      OutboxRowSchema,
    ),
  ]);
  if (tickets.kind === 'failed') return tickets;
  if (outbox.kind === 'failed') return outbox;
  return { kind: 'read', figures: operationsFigures(tickets.documents.map(ticketOf), outbox.documents, now.toISOString()) };
}
