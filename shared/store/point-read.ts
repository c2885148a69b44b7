/**
 * Reads one document by id and partition key and parses it with its zod schema, so nothing
 * untyped leaves the store, unless `versions` says this process already checked that very version
 * (see `CheckedVersions`). The ETag comes back too, for a guarded write later.
 */
import type { Container, PartitionKey } from '@azure/cosmos';
import { z } from 'zod';
import type { CheckedVersions } from './checked-versions';
import { classifyStoreError, type StoreFailure } from './store-failure';

export type PointRead<T> =
  | { readonly kind: 'found'; readonly document: T; readonly etag: string }
  | { readonly kind: 'not-found' }
  /** The stored document does not match its schema: a bug or a migration gap, never the client's fault. */
  | { readonly kind: 'invalid'; readonly reason: string }
  | { readonly kind: 'failed'; readonly failure: StoreFailure };

/** Cosmos echoes the ETag both as a header and as `_etag`; either will do. */
function etagOf(headerEtag: string | undefined, resource: unknown): string | undefined {
  if (headerEtag !== undefined && headerEtag !== '') return headerEtag;
  if (typeof resource === 'object' && resource !== null && '_etag' in resource) {
    const value: unknown = resource._etag;
    if (typeof value === 'string') return value;
  }
  return undefined;
}

export async function readDocument<T>(
  container: Container,
  id: string,
  partitionKey: PartitionKey,
  schema: z.ZodType<T>,
  versions?: CheckedVersions<T>,
): Promise<PointRead<T>> {
  let response;
  try {
    response = await container.item(id, partitionKey).read<Record<string, unknown>>();
  } catch (error: unknown) {
    const failure = classifyStoreError(error);
    return failure.kind === 'not-found' ? { kind: 'not-found' } : { kind: 'failed', failure };
  }
  // The SDK answers a missing item with status 404 and no resource rather than throwing.
  if (response.statusCode === 404 || response.resource === undefined) return { kind: 'not-found' };
  const etag = etagOf(response.etag, response.resource);
  if (etag === undefined) return { kind: 'invalid', reason: 'the store returned no ETag' };
  const checked = versions?.get(id, etag);
  if (checked !== undefined) return { kind: 'found', document: checked, etag };
  const parsed = schema.safeParse(response.resource);
  if (!parsed.success) return { kind: 'invalid', reason: z.prettifyError(parsed.error) };
  versions?.remember(id, etag, parsed.data);
  return { kind: 'found', document: parsed.data, etag };
}
