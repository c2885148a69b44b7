/**
 * How many tickets in the given statuses each engineer is assigned, as the store holds them. The
 * query returns each such ticket's assignee id and nothing else: the loads are wanted at every
 * assignment and handoff, and reading whole tickets for them (timelines and all, each parsed)
 * cost a lifecycle turn more than everything else it did once a desk had a few hundred open.
 */
import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import type { TicketStatus } from '../domain/ticket/ticket-status';
import { queryDocuments } from './query-documents';
import type { StoreFailure } from './store-failure';

export type AssigneeLoads =
  | { readonly kind: 'read'; readonly load: Readonly<Record<string, number>>; readonly counted: number }
  | { readonly kind: 'failed'; readonly failure: StoreFailure };

const EngineerIdSchema = z.string();

export async function readAssigneeLoads(container: Container, statuses: readonly TicketStatus[], maxItems: number): Promise<AssigneeLoads> {
  const rows = await queryDocuments(
    container,
    {
      query: `SELECT TOP ${String(maxItems)} VALUE c.assignee.engineerId FROM c WHERE ARRAY_CONTAINS(@statuses, c.status) AND IS_DEFINED(c.assignee.engineerId)`,
      parameters: [{ name: '@statuses', value: [...statuses] }],
    },
    EngineerIdSchema,
    // One round trip for a desk's open work: each row is an id.
    { maxItems, pageSize: maxItems },
  );
  if (rows.kind === 'failed') return rows;
  const load: Record<string, number> = {};
  for (const engineerId of rows.documents) load[engineerId] = (load[engineerId] ?? 0) + 1;
  return { kind: 'read', load, counted: rows.documents.length };
}
