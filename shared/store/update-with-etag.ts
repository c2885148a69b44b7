/**
 * Optimistic concurrency for every document update: read, let the caller decide on the fresh
 * state, replace only if nobody wrote in between (If-Match ETag), and start over from the new
 * state when somebody did (412). Bounded: under a pile-up the caller gets `contended`, not a hang.
 */
import type { Container, ItemDefinition, PartitionKey } from '@azure/cosmos';
import { z } from 'zod';
import type { CheckedVersions } from './checked-versions';
import { readDocument } from './point-read';
import { classifyStoreError, type StoreFailure } from './store-failure';

/** What the caller's decision function returns for the current state of the document. */
export type Mutation<T, R> =
  | { readonly kind: 'replace'; readonly document: T }
  | { readonly kind: 'no-change' }
  | { readonly kind: 'rejected'; readonly rejection: R };

export const replaceWith = <T>(document: T): Mutation<T, never> => ({ kind: 'replace', document });
export const noChange = (): Mutation<never, never> => ({ kind: 'no-change' });
export const rejectWith = <R>(rejection: R): Mutation<never, R> => ({ kind: 'rejected', rejection });

export type EtagUpdate<T, R> =
  | { readonly kind: 'updated'; readonly document: T; readonly etag: string; readonly attempts: number }
  | { readonly kind: 'unchanged'; readonly document: T; readonly etag: string }
  | { readonly kind: 'rejected'; readonly rejection: R; readonly document: T; readonly etag: string }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'invalid'; readonly reason: string }
  /** Every attempt lost the race to another writer; the caller may answer 503 and let the client retry. */
  | { readonly kind: 'contended'; readonly attempts: number }
  | { readonly kind: 'failed'; readonly failure: StoreFailure };

export interface EtagUpdateOptions<T> {
  readonly schema: z.ZodType<T>;
  /**
   * Reads + replaces before giving up. With n concurrent writers of one document, n attempts are
   * always enough: each lost attempt means another writer's change landed.
   */
  readonly maxAttempts?: number;
  /**
   * The document as the caller last saw it, with its ETag (from a write it just made, or a query):
   * the first attempt decides on it instead of reading, so a follow-up write costs one request.
   * A stale one only costs the 412 and a read.
   */
  readonly current?: { readonly document: T; readonly etag: string };
  /** Versions already checked: a read of one is not parsed again, and what is written joins them. */
  readonly versions?: CheckedVersions<T>;
  /**
   * Parse what is about to be written (default). A caller whose documents only ever come from typed
   * code working on checked documents (the domain's `evolve` on a parsed ticket) may turn it off:
   * parsing every ticket it had just built was 40 % of the host's zod time under intake.
   */
  readonly validateWrites?: boolean;
}

export const DEFAULT_MAX_UPDATE_ATTEMPTS = 10;

/**
 * `mutate` may run several times (once per attempt) and must be a pure function of the document
 * it is given: anything it computes from a stale read is thrown away with that attempt.
 */
export async function updateWithEtag<T extends ItemDefinition, R = never>(
  container: Container,
  id: string,
  partitionKey: PartitionKey,
  mutate: (current: T) => Mutation<T, R>,
  options: EtagUpdateOptions<T>,
): Promise<EtagUpdate<T, R>> {
  const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_UPDATE_ATTEMPTS);
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    const current = attempt === 1 && options.current !== undefined ? { kind: 'found' as const, ...options.current } : await readDocument(container, id, partitionKey, options.schema, options.versions);
    if (current.kind !== 'found') return current;

    const mutation = mutate(current.document);
    if (mutation.kind === 'no-change') return { kind: 'unchanged', document: current.document, etag: current.etag };
    if (mutation.kind === 'rejected') return { kind: 'rejected', rejection: mutation.rejection, document: current.document, etag: current.etag };

    // Never write what could not be read back (unless the caller vouches for its documents' types):
    // this is the check that lets the version written be trusted.
    let document = mutation.document;
    if (options.validateWrites !== false) {
      const checked = options.schema.safeParse(mutation.document);
      if (!checked.success) return { kind: 'invalid', reason: z.prettifyError(checked.error) };
      document = checked.data;
    }

    try {
      const response = await container
        .item(id, partitionKey)
        .replace(document, { accessCondition: { type: 'IfMatch', condition: current.etag } });
      options.versions?.remember(id, response.etag, document);
      return { kind: 'updated', document, etag: response.etag, attempts: attempt };
    } catch (error: unknown) {
      const failure = classifyStoreError(error);
      if (failure.kind === 'precondition-failed') continue;
      if (failure.kind === 'not-found') return { kind: 'not-found' };
      return { kind: 'failed', failure };
    }
  }
  return { kind: 'contended', attempts: maxAttempts };
}
