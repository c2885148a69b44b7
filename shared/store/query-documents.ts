/**
 * Runs a parameterised query and parses every row with a zod schema. Partition keys belong in the
 * WHERE clause (the local stand-in ignores the SDK's `partitionKey` query option). A row that
 * fails its schema is reported, not returned, so one bad document cannot block the others.
 */
import type { Container, SqlQuerySpec } from '@azure/cosmos';
import { z } from 'zod';
import { classifyStoreError, type StoreFailure } from './store-failure';

export interface SkippedRow {
  readonly id: string | undefined;
  readonly reason: string;
}

export type QueryRead<T> =
  | { readonly kind: 'read'; readonly documents: readonly T[]; readonly skipped: readonly SkippedRow[] }
  | { readonly kind: 'failed'; readonly failure: StoreFailure };

export interface QueryOptions {
  /** Stop after this many rows (prefer `TOP n` in the query too, so the store does less work). */
  readonly maxItems?: number;
}

const PAGE_SIZE = 100;

function idOf(row: unknown): string | undefined {
  if (typeof row === 'object' && row !== null && 'id' in row && typeof row.id === 'string') return row.id;
  return undefined;
}

export async function queryDocuments<T>(
  container: Container,
  query: SqlQuerySpec,
  schema: z.ZodType<T>,
  options: QueryOptions = {},
): Promise<QueryRead<T>> {
  const maxItems = options.maxItems ?? Number.POSITIVE_INFINITY;
  const documents: T[] = [];
  const skipped: SkippedRow[] = [];
  try {
    const iterator = container.items.query<unknown>(query, { maxItemCount: Math.min(PAGE_SIZE, Math.max(1, maxItems)) });
    while (documents.length + skipped.length < maxItems && iterator.hasMoreResults()) {
      const page = await iterator.fetchNext();
      for (const row of page.resources) {
        if (documents.length + skipped.length >= maxItems) break;
        const parsed = schema.safeParse(row);
        if (parsed.success) documents.push(parsed.data);
        else skipped.push({ id: idOf(row), reason: z.prettifyError(parsed.error) });
      }
    }
  } catch (error: unknown) {
    return { kind: 'failed', failure: classifyStoreError(error) };
  }
  return { kind: 'read', documents, skipped };
}
