/**
 * Puts the sample organisation into the `config` container when none is there, so the offline
 * stack works from its first request. Never overwrites: a configuration someone loaded wins.
 */
import type { Container } from '@azure/cosmos';
import { OrgConfigSchema } from '../domain/org/org-config';
import { sampleOrgConfig } from '../domain/org/sample/sample-org';
import type { Clock } from '../clock';
import { createIfAbsent } from '../store/create-if-absent';
import type { StoreFailure } from '../store/store-failure';
import { ORG_CONFIG_DOCUMENT_ID, type OrgConfigDocument } from './org-config-document';

export type SampleSeeding = { readonly kind: 'seeded' } | { readonly kind: 'already-present' } | { readonly kind: 'failed'; readonly failure: StoreFailure };

export function sampleOrgConfigDocument(clock: Clock): OrgConfigDocument {
  return {
    id: ORG_CONFIG_DOCUMENT_ID,
    config: OrgConfigSchema.parse(sampleOrgConfig),
    source: 'sample organisation (shared/domain/org/sample), seeded by the local environment',
    updatedAt: clock.now().toISOString(),
  };
}

export async function seedSampleOrgConfig(container: Container, clock: Clock): Promise<SampleSeeding> {
  const created = await createIfAbsent(container, sampleOrgConfigDocument(clock));
  switch (created.kind) {
    case 'created':
      return { kind: 'seeded' };
    case 'exists':
      return { kind: 'already-present' };
    case 'failed':
      return created;
  }
}
