/**
 * Whom the dev issuer's sign-in page offers: the sample organisation's engineers and team leads,
 * with the identity the roster knows them by (so a session acts as that engineer, as
 * `npm run token -- --id` does), and its TAMs, named on the contracts.
 */
import type { StaffRole } from '../../../shared/auth/staff-token';
import { sampleOrgConfig } from '../../../shared/domain/org/sample/sample-org';
import { engineerIdentity } from '../../../shared/domain/roster/roster';

export interface DevPerson {
  /** `oid` and `sub` of the tokens minted for them. */
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly roles: readonly StaffRole[];
  /** What the sign-in page says about them, e.g. "engineer, AMER". */
  readonly description: string;
}

/** A stable id per name, so the same person keeps one identity across tokens and restarts. */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
  return slug === '' ? 'staff' : slug;
}

/** The id a person typed by name gets, the same as a token minted without `--id`. */
export function devIdOf(name: string): string {
  return `dev-${slugOf(name)}`;
}

export function samplePeople(): DevPerson[] {
  const engineers = sampleOrgConfig.roster.engineers.map((engineer): DevPerson => {
    const role = engineer.role;
    return {
      id: engineerIdentity(engineer),
      name: engineer.name,
      email: engineer.email,
      roles: [role],
      description: `${role === 'team-lead' ? 'team lead' : 'engineer'}, ${engineer.region}`,
    };
  });
  const tams = new Map<string, DevPerson>();
  for (const contract of sampleOrgConfig.contracts) {
    if (contract.tamEmail === undefined || tams.has(contract.tamEmail)) continue;
    const name = contract.tamName ?? contract.tamEmail;
    const companies = sampleOrgConfig.contracts.filter((other) => other.tamEmail === contract.tamEmail).map((other) => other.company);
    tams.set(contract.tamEmail, { id: devIdOf(name), name, email: contract.tamEmail, roles: ['tam'], description: `TAM for ${companies.join(', ')}` });
  }
  return [...engineers, ...tams.values()];
}
