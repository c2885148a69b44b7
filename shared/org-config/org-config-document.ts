/**
 * The organisation's configuration as the `config` container keeps it: one document, id
 * `org-config`, whose `config` is checked against `OrgConfigSchema` (cross-references included)
 * every time it is read.
 */
import { z } from 'zod';
import { InstantSchema } from '../domain/primitives';
import { OrgConfigSchema } from '../domain/org/org-config';

export const ORG_CONFIG_DOCUMENT_ID = 'org-config';

export const OrgConfigDocumentSchema = z.object({
  id: z.literal(ORG_CONFIG_DOCUMENT_ID),
  config: OrgConfigSchema,
  /** Where it came from, for whoever wonders why the desk behaves as it does. */
  source: z.string().min(1).max(200),
  updatedAt: InstantSchema,
});
export type OrgConfigDocument = z.infer<typeof OrgConfigDocumentSchema>;
