/** The time zone a console page shows instants in: the viewer's roster region's, else UTC. */
import type { StaffPrincipal } from '../../auth/staff-token';
import type { OrgConfig } from '../../domain/org/org-config';
import { rosterEngineerOf } from '../../http-api/staff-actor';

export function viewerZone(principal: StaffPrincipal, org: Pick<OrgConfig, 'roster'>): string {
  const engineer = rosterEngineerOf(principal, org.roster.engineers);
  return org.roster.regions.find((region) => region.id === engineer?.region)?.timeZone ?? 'UTC';
}
