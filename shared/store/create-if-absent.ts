/**
 * Creates a document only if its id is free in its partition. Cosmos answers a taken id with 409,
 * which makes this the race-free way to claim a name: of many concurrent creators exactly one wins.
 */
import type { Container } from '@azure/cosmos';
import { classifyStoreError, type StoreFailure } from './store-failure';

export type Creation<T> =
  | { readonly kind: 'created'; readonly document: T; readonly etag: string }
  | { readonly kind: 'exists' }
  | { readonly kind: 'failed'; readonly failure: StoreFailure };

export async function createIfAbsent<T extends { readonly id: string }>(container: Container, document: T): Promise<Creation<T>> {
  try {
    const response = await container.items.create(document);
    return { kind: 'created', document, etag: response.etag };
  } catch (error: unknown) {
    const failure = classifyStoreError(error);
    return failure.kind === 'conflict' ? { kind: 'exists' } : { kind: 'failed', failure };
  }
}
