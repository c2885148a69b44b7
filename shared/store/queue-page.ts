/**
 * The staff queue as the `tickets` container serves it: tickets by their nearest SLA deadline,
 * optionally narrowed to one queue or status, a page at a time. The filtered property leads the
 * ORDER BY so that Cosmos DB walks one of the container's composite indexes, (queueId,
 * slaNextDueAt) or (status, slaNextDueAt), and the unfiltered queue walks the range index on
 * slaNextDueAt: a page costs the rows it returns whatever the number of tickets. A page reads only
 * the fields a queue line shows, never the timeline, and names the next page with the
 * continuation token Cosmos DB hands back.
 */
import type { Container, SqlQuerySpec } from '@azure/cosmos';
import { z } from 'zod';
import { TicketSchema } from '../domain/ticket/ticket';
import type { TicketStatus } from '../domain/ticket/ticket-status';
import type { CheckedVersions } from './checked-versions';
import { queryPage, type SkippedRow } from './query-documents';
import type { StoreFailure } from './store-failure';

export interface QueueViewFilter {
  readonly queueId?: string;
  /** Any of these statuses; all when absent. */
  readonly statuses?: readonly TicketStatus[];
  readonly maxItems?: number;
}

/** What one line of the queue shows, as stored. */
export const QueueRowSchema = TicketSchema.pick({
  ticketNumber: true,
  title: true,
  company: true,
  severity: true,
  status: true,
  queueId: true,
  assignee: true,
  slaNextDueAt: true,
  createdAt: true,
  updatedAt: true,
});
export type QueueRow = z.infer<typeof QueueRowSchema>;

/**
 * A queue line's fields, and the document's id and ETag: a version this process has checked
 * against `QueueRowSchema` once is not parsed again (`CheckedVersions`), which was the largest
 * part of the app's own work per page.
 */
const ROW_FIELDS = [...Object.keys(QueueRowSchema.shape), 'id', '_etag'].map((field) => `c.${field}`).join(', ');

/** Queue lines checked per process: a few pages of the queue a team works through, at a few hundred bytes each. */
export const CHECKED_QUEUE_ROWS = 2_048;

export interface QueuePageRequest {
  readonly pageSize: number;
  /** The token the previous page handed back; absent for the first page. */
  readonly continuationToken?: string;
}

export type QueuePage =
  | { readonly kind: 'read'; readonly rows: readonly QueueRow[]; readonly skipped: readonly SkippedRow[]; readonly continuationToken?: string }
  /** The store refused the continuation token (from another query, or too old to resume). */
  | { readonly kind: 'continuation-refused' }
  | { readonly kind: 'failed'; readonly failure: StoreFailure };

/** The query of a queue view: `projection` of each ticket, the first `top` only when given. */
export function queueQuery(filter: QueueViewFilter, projection: string, top?: number): SqlQuerySpec & { parameters: { name: string; value: string | string[] }[] } {
  const where: string[] = [];
  const parameters: { name: string; value: string | string[] }[] = [];
  if (filter.queueId !== undefined) {
    where.push('c.queueId = @queueId');
    parameters.push({ name: '@queueId', value: filter.queueId });
  }
  const statuses = filter.statuses ?? [];
  if (statuses.length === 1 && statuses[0] !== undefined) {
    where.push('c.status = @status');
    parameters.push({ name: '@status', value: statuses[0] });
  } else if (statuses.length > 1) {
    where.push('ARRAY_CONTAINS(@statuses, c.status)');
    parameters.push({ name: '@statuses', value: [...statuses] });
  }
  const order =
    filter.queueId !== undefined
      ? 'c.queueId ASC, c.slaNextDueAt ASC'
      : statuses.length === 1
        ? 'c.status ASC, c.slaNextDueAt ASC'
        : 'c.slaNextDueAt ASC';
  const clause = where.length === 0 ? '' : ` WHERE ${where.join(' AND ')}`;
  return { query: `SELECT ${top === undefined ? '' : `TOP ${String(top)} `}${projection} FROM c${clause} ORDER BY ${order}`, parameters };
}

export async function readQueuePage(container: Container, filter: QueueViewFilter, request: QueuePageRequest, checked?: CheckedVersions<QueueRow>): Promise<QueuePage> {
  const page = await queryPage(container, queueQuery(filter, ROW_FIELDS), QueueRowSchema, request, checked);
  if (page.kind === 'read') return { kind: 'read', rows: page.documents, skipped: page.skipped, ...(page.continuationToken === undefined ? {} : { continuationToken: page.continuationToken }) };
  // Cosmos DB answers 400 to a continuation token it cannot resume from.
  const refused = request.continuationToken !== undefined && page.failure.kind === 'unexpected' && page.failure.statusCode === 400;
  return refused ? { kind: 'continuation-refused' } : page;
}
