/**
 * The sample organisation, parsed, for specifications that need an org configuration.
 */
import { OrgConfig, OrgConfigSchema } from '../../../../shared/domain/org/org-config';
import { sampleOrgConfig } from '../../../../shared/domain/org/sample/sample-org';

export function sampleOrg(): OrgConfig {
  return OrgConfigSchema.parse(sampleOrgConfig);
}
