/**
 * Who the requester's organisation is: the contract matched by the tenant domain on the ticket
 * and/or the domain of the requester's email. When several match, the best evidence wins.
 */
import { Instant } from '../primitives';
import { emailDomainOf } from '../intake/intake-fields';
import { Contract, isContractActive } from '../org/contract';

export interface RequesterIdentity {
  tenantDomain?: string;
  requesterEmail: string;
}

/**
 * Ranking: matched on both domains before one, in force now before not, then the most recent.
 * So a renewed contract wins over the expired one it replaced.
 */
export function matchContract(contracts: readonly Contract[], identity: RequesterIdentity, now: Instant): Contract | undefined {
  const tenant = identity.tenantDomain?.trim().toLowerCase();
  const emailDomain = emailDomainOf(identity.requesterEmail);
  const scored = contracts
    .map((contract) => {
      const byTenant = tenant !== undefined && contract.tenantDomains.includes(tenant);
      const byEmail = contract.emailDomains.includes(emailDomain);
      return { contract, evidence: Number(byTenant) + Number(byEmail), active: isContractActive(contract, now) };
    })
    .filter((candidate) => candidate.evidence > 0)
    .sort(
      (first, second) =>
        second.evidence - first.evidence ||
        Number(second.active) - Number(first.active) ||
        Date.parse(second.contract.activeUntil) - Date.parse(first.contract.activeUntil),
    );
  return scored[0]?.contract;
}
