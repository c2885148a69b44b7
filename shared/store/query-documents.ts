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

/** Parses one row into `documents` or `skipped`, unless this process checked its version already. */
function takeRow<T>(row: unknown, schema: z.ZodType<T>, versions: CheckedVersions<T> | undefined, documents: T[], skipped: SkippedRow[]): void {
  const id = idOf(row);
  const etag = etagOf(row);
  const checked = id === undefined || etag === undefined ? undefined : versions?.get(id, etag);
  if (checked !== undefined) {
    documents.push(checked);
    return;
  }
  const parsed = schema.safeParse(row);
  if (parsed.success) {
    documents.push(parsed.data);
    if (id !== undefined && etag !== undefined) versions?.remember(id, etag, parsed.data);
  } else skipped.push({ id, reason: z.prettifyError(parsed.error) });
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
      // A GROUP BY with no group answers its last page without rows: `resources` is undefined then.
      for (const row of page.resources ?? []) {
        if (documents.length + skipped.length >= maxItems) break;
        takeRow(row, schema, options.versions, documents, skipped);
      }
    }
  } catch (error: unknown) {
    return { kind: 'failed', failure: classifyStoreError(error) };
  }
  return { kind: 'read', documents, skipped };
}

export type PageRead<T> =
  | { readonly kind: 'read'; readonly documents: readonly T[]; readonly skipped: readonly SkippedRow[]; readonly continuationToken?: string }
  | { readonly kind: 'failed'; readonly failure: StoreFailure };

/**
 * One page of a query: at most `pageSize` rows from where `continuationToken` (the token an
 * earlier page handed back) left off, and the token of the next page when there is one. Cosmos DB
 * may answer a page with no rows and a token; such pages are read through. Rows that carry `id`
 * and `_etag` in a version `versions` holds are not parsed again.
 */
export async function queryPage<T>(
  container: Container,
  query: SqlQuerySpec,
  schema: z.ZodType<T>,
  request: { readonly pageSize: number; readonly continuationToken?: string },
  versions?: CheckedVersions<T>,
): Promise<PageRead<T>> {
  const documents: T[] = [];
  const skipped: SkippedRow[] = [];
  let continuationToken: string | undefined;
  try {
    const iterator = container.items.query<unknown>(query, {
      maxItemCount: request.pageSize,
      ...(request.continuationToken === undefined ? {} : { continuationToken: request.continuationToken }),
    });
    do {
      const page = await iterator.fetchNext();
      for (const row of page.resources ?? []) takeRow(row, schema, versions, documents, skipped);
      continuationToken = page.continuationToken;
    } while (documents.length + skipped.length === 0 && continuationToken !== undefined);
  } catch (error: unknown) {
    return { kind: 'failed', failure: classifyStoreError(error) };
  }
  return { kind: 'read', documents, skipped, ...(continuationToken === undefined ? {} : { continuationToken }) };
}
