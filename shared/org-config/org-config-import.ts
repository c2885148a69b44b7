/**
 * Replacing the stored organisation configuration with one read from a file: first the plan (what
 * is stored now and what would change), then, only when asked, the write, guarded by the ETag of
 * the plan's read so a change made in between is never overwritten unseen.
 */
import type { Container } from '@azure/cosmos';
import { diffOrgConfig, type OrgConfigChange } from '../domain/org/org-config-diff';
import type { OrgConfig } from '../domain/org/org-config';
import type { Clock } from '../clock';
import { readDocument } from '../store/point-read';
import { classifyStoreError, type StoreFailure } from '../store/store-failure';
import { ORG_CONFIG_DOCUMENT_ID, OrgConfigDocumentSchema, type OrgConfigDocument } from './org-config-document';

export type StoredOrgConfig =
  | { readonly kind: 'stored'; readonly document: OrgConfigDocument; readonly etag: string }
  | { readonly kind: 'missing' }
  /** Something is stored but the app cannot read it; an import replaces it. */
  | { readonly kind: 'unreadable'; readonly reason: string };

export type OrgConfigImportPlan = {
  readonly current: StoredOrgConfig;
  readonly next: OrgConfig;
  readonly changes: readonly OrgConfigChange[];
};

export type StoreOutcome<T> = { readonly kind: 'ok'; readonly value: T } | { readonly kind: 'failed'; readonly failure: StoreFailure };

export async function readStoredOrgConfig(container: Container): Promise<StoreOutcome<StoredOrgConfig>> {
  const read = await readDocument(container, ORG_CONFIG_DOCUMENT_ID, ORG_CONFIG_DOCUMENT_ID, OrgConfigDocumentSchema);
  switch (read.kind) {
    case 'found':
      return { kind: 'ok', value: { kind: 'stored', document: read.document, etag: read.etag } };
    case 'not-found':
      return { kind: 'ok', value: { kind: 'missing' } };
    case 'invalid':
      return { kind: 'ok', value: { kind: 'unreadable', reason: read.reason } };
    case 'failed':
      return read;
  }
}

export async function planOrgConfigImport(container: Container, next: OrgConfig): Promise<StoreOutcome<OrgConfigImportPlan>> {
  const current = await readStoredOrgConfig(container);
  if (current.kind === 'failed') return current;
  const before = current.value.kind === 'stored' ? current.value.document.config : undefined;
  return { kind: 'ok', value: { current: current.value, next, changes: diffOrgConfig(before, next) } };
}

/** Writes the plan's configuration; `precondition-failed` or `conflict` mean someone changed it since the plan was read. */
export async function applyOrgConfigImport(
  container: Container,
  plan: OrgConfigImportPlan,
  source: string,
  clock: Clock,
): Promise<StoreOutcome<OrgConfigDocument>> {
  const document: OrgConfigDocument = OrgConfigDocumentSchema.parse({
    id: ORG_CONFIG_DOCUMENT_ID,
    config: plan.next,
    source: source.slice(0, 200),
    updatedAt: clock.now().toISOString(),
  });
  try {
    if (plan.current.kind === 'stored') {
      await container.item(ORG_CONFIG_DOCUMENT_ID, ORG_CONFIG_DOCUMENT_ID).replace(document, { accessCondition: { type: 'IfMatch', condition: plan.current.etag } });
    } else if (plan.current.kind === 'unreadable') {
      await container.items.upsert(document);
    } else {
      await container.items.create(document);
    }
    return { kind: 'ok', value: document };
  } catch (error: unknown) {
    return { kind: 'failed', failure: classifyStoreError(error) };
  }
}
