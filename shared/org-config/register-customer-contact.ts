/**
 * Registers a customer contact in the stored organisation configuration: the domain decides on the
 * current document, and the write is guarded by its ETag, so two desks registering at once both
 * land. The document says who made the last change and when.
 */
import type { Container } from '@azure/cosmos';
import type { Instant } from '../domain/primitives';
import type { Contract } from '../domain/org/contract';
import { registerContact, type ContactRegistrationRequest } from '../domain/org/contact-registration';
import type { StoreFailure } from '../store/store-failure';
import { noChange, rejectWith, replaceWith, updateWithEtag } from '../store/update-with-etag';
import { ORG_CONFIG_DOCUMENT_ID, OrgConfigDocumentSchema, type OrgConfigDocument } from './org-config-document';

export interface ContactRegistrar {
  readonly id: string;
  readonly name: string;
}

export type StoredContactRegistration =
  | { readonly kind: 'registered'; readonly contract: Contract }
  | { readonly kind: 'already-recognised'; readonly contract: Contract }
  | { readonly kind: 'forbidden'; readonly message: string }
  | { readonly kind: 'unknown-contract'; readonly message: string }
  /** No configuration is stored, or the stored one no longer parses: an operator's problem, not the caller's. */
  | { readonly kind: 'not-configured'; readonly reason: string }
  | { readonly kind: 'contended' }
  | { readonly kind: 'failed'; readonly failure: StoreFailure };

export type CustomerContactRequest = ContactRegistrationRequest & { readonly registrar: ContactRegistrar };

type Refusal = Extract<StoredContactRegistration, { kind: 'forbidden' | 'unknown-contract' | 'already-recognised' }>;

export async function registerCustomerContact(
  container: Container,
  request: CustomerContactRequest,
  now: Instant,
): Promise<StoredContactRegistration> {
  const update = await updateWithEtag<OrgConfigDocument, Refusal>(
    container,
    ORG_CONFIG_DOCUMENT_ID,
    ORG_CONFIG_DOCUMENT_ID,
    (current) => {
      const decision = registerContact(current.config.contracts, request);
      if (decision.kind !== 'registered') return decision.kind === 'already-recognised' ? noChange() : rejectWith(decision);
      return replaceWith({
        ...current,
        config: { ...current.config, contracts: decision.contracts },
        source: `contact registered for contract '${request.contractId}' by ${request.registrar.name} (${request.registrar.id})`.slice(0, 200),
        updatedAt: now,
      });
    },
    { schema: OrgConfigDocumentSchema },
  );
  switch (update.kind) {
    case 'updated':
      return contractIn(update.document, request.contractId, 'registered');
    case 'unchanged':
      return contractIn(update.document, request.contractId, 'already-recognised');
    case 'rejected':
      return update.rejection;
    case 'not-found':
      return { kind: 'not-configured', reason: 'no organisation configuration is stored' };
    case 'invalid':
      return { kind: 'not-configured', reason: update.reason };
    case 'contended':
      return { kind: 'contended' };
    case 'failed':
      return update;
  }
}

function contractIn(document: OrgConfigDocument, contractId: string, kind: 'registered' | 'already-recognised'): StoredContactRegistration {
  const contract = document.config.contracts.find((candidate) => candidate.id === contractId);
  return contract === undefined ? { kind: 'not-configured', reason: `contract '${contractId}' is not in the stored configuration` } : { kind, contract };
}
