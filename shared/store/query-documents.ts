/**
 * Runs a parameterised query and parses every row with a zod schema. Partition keys belong in the
 * WHERE clause (the local stand-in ignores the SDK's `partitionKey` query option). A row that
 * fails its schema is reported, not returned, so one bad document cannot block the others; a row
 * whose version this process already checked is not parsed again (see `CheckedVersions`).
 */
import type { Container, SqlQuerySpec } from '@azure/cosmos';
import { z } from 'zod';
import type { CheckedVersions } from './checked-versions';
import { classifyStoreError, type StoreFailure } from './store-failure';

export interface SkippedRow {
  readonly id: string | undefined;
  readonly reason: string;
}

export type QueryRead<T> =
  | { readonly kind: 'read'; readonly documents: readonly T[]; readonly skipped: readonly SkippedRow[] }
  | { readonly kind: 'failed'; readonly failure: StoreFailure };

export interface QueryOptions<T> {
  /** Stop after this many rows (prefer `TOP n` in the query too, so the store does less work). */
  readonly maxItems?: number;
  /** Versions already checked (rows that carry `id` and `_etag`): those rows are not parsed again. */
  readonly versions?: CheckedVersions<T>;
  /**
   * Rows asked for per round trip (100 unless given). A list that is read whole every time, like
   * the staff queue's summaries, asks for large pages: each page is a request, and the local
   * stand-in evaluates the whole query again for every page.
   */
  readonly pageSize?: number;
}

const PAGE_SIZE = 100;

function idOf(row: unknown): string | undefined {
  if (typeof row === 'object' && row !== null && 'id' in row && typeof row.id === 'string') return row.id;
  return undefined;
}

function etagOf(row: unknown): string | undefined {
  if (typeof row === 'object' && row !== null && '_etag' in row && typeof row._etag === 'string') return row._etag;
  return undefined;
}

export async function queryDocuments<T>(
  container: Container,
  query: SqlQuerySpec,
  schema: z.ZodType<T>,
  options: QueryOptions<T> = {},
): Promise<QueryRead<T>> {
  const maxItems = options.maxItems ?? Number.POSITIVE_INFINITY;
  const documents: T[] = [];
  const skipped: SkippedRow[] = [];
  try {
    const iterator = container.items.query<unknown>(query, { maxItemCount: Math.min(options.pageSize ?? PAGE_SIZE, Math.max(1, maxItems)) });
    while (documents.length + skipped.length < maxItems && iterator.hasMoreResults()) {
      const page = await iterator.fetchNext();
      for (const row of page.resources) {
        if (documents.length + skipped.length >= maxItems) break;
        const id = idOf(row);
        const etag = etagOf(row);
        const checked = id === undefined || etag === undefined ? undefined : options.versions?.get(id, etag);
        if (checked !== undefined) {
          documents.push(checked);
          continue;
        }
        const parsed = schema.safeParse(row);
        if (parsed.success) {
          documents.push(parsed.data);
          if (id !== undefined && etag !== undefined) options.versions?.remember(id, etag, parsed.data);
        } else skipped.push({ id, reason: z.prettifyError(parsed.error) });
      }
    }
  } catch (error: unknown) {
    return { kind: 'failed', failure: classifyStoreError(error) };
  }
  return { kind: 'read', documents, skipped };
}
