/**
 * Which contract a requester asks under. Only the contracts of customers the requester speaks for
 * (by verified email domain or as a registered contact) are candidates: naming another customer's
 * tenant or company never brings theirs into play. Among the candidates, the one holding the named
 * tenant wins, then the one with the named company, then the one in force, then the most recent.
 */
import { Instant } from '../primitives';
import { Contract, isContractActive } from '../org/contract';
import { sameCompany } from './company-name';
import { speaksForCustomer } from './customer-membership';

export interface RequesterIdentity {
  /** Well-formed and lower-cased, when the requester gave one. */
  tenantDomain?: string;
  requesterEmail: string;
  /** The company the requester named, when given. */
  company?: string;
}

export function matchContract(contracts: readonly Contract[], identity: RequesterIdentity, now: Instant): Contract | undefined {
  const tenant = identity.tenantDomain?.trim().toLowerCase();
  const company = identity.company;
  const ranked = contracts
    .filter((contract) => speaksForCustomer(contract, identity.requesterEmail))
    .map((contract) => ({
      contract,
      holdsTenant: tenant !== undefined && contract.tenantDomains.includes(tenant),
      namesCompany: company !== undefined && sameCompany(company, contract.company),
      active: isContractActive(contract, now),
    }))
    .sort(
      (first, second) =>
        Number(second.holdsTenant) - Number(first.holdsTenant) ||
        Number(second.namesCompany) - Number(first.namesCompany) ||
        Number(second.active) - Number(first.active) ||
        Date.parse(second.contract.activeUntil) - Date.parse(first.contract.activeUntil),
    );
  return ranked[0]?.contract;
}
