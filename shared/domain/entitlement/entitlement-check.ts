/**
 * The first validation layer: is the requester entitled to support for this ticket? A contract of
 * a customer the requester speaks for, holding the tenant and company they named, in force, with a
 * plan that allows the severity and the on-premises add-on for on-premises scope. Every failing
 * reason is returned, not just the first. Reasons reach the requester (email, status page), so
 * they only ever speak of the requester's own contract, never of whoever else a tenant belongs to.
 */
import { Instant, Scope, Severity } from '../primitives';
import { ValidationReason } from '../intake/validation-reason';
import { Contract, hasAddOn, isContractActive } from '../org/contract';
import { OrgConfig } from '../org/org-config';
import { Plan } from '../org/plan';
import { sameCompany } from './company-name';
import { matchContract, RequesterIdentity } from './contract-match';
import { normalisedAddress } from './customer-membership';

export interface EntitlementSubject extends RequesterIdentity {
  severity?: Severity;
  scope?: Scope;
}

export type EntitlementResult = { ok: true; contract: Contract; plan: Plan } | { ok: false; reasons: ValidationReason[]; contract?: Contract; plan?: Plan };

export function entitlementCheck(subject: EntitlementSubject, org: Pick<OrgConfig, 'contracts' | 'plans'>, now: Instant): EntitlementResult {
  const contract = matchContract(org.contracts, subject, now);
  if (!contract) {
    return { ok: false, reasons: [notRecognisedReason(subject.requesterEmail)] };
  }
  const plan = org.plans.find((candidate) => candidate.id === contract.plan);
  const reasons: ValidationReason[] = [
    ...tenantReasons(contract, subject.tenantDomain),
    ...companyReasons(contract, subject.company),
    ...activityReasons(contract, now),
    ...(plan ? severityReasons(plan, subject.severity) : []),
    ...scopeReasons(contract, subject.scope),
  ];
  if (reasons.length > 0 || !plan) {
    return { ok: false, reasons, contract, ...(plan ? { plan } : {}) };
  }
  return { ok: true, contract, plan };
}

/** After the vendor places the problem on-premises: is this ticket's contract still entitled? */
export function coversOnPremises(org: Pick<OrgConfig, 'contracts'>, contractId: string | undefined): boolean {
  const contract = org.contracts.find((candidate) => candidate.id === contractId);
  return contract !== undefined && hasAddOn(contract, 'on-premises');
}

/** The same words whichever tenant or company was named, so a refusal confirms nobody as a customer. */
function notRecognisedReason(requesterEmail: string): ValidationReason {
  return {
    code: 'no-contract',
    message:
      `We could not find a support contract that ${normalisedAddress(requesterEmail)} may ask under. ` +
      'We take requests from the email domains our customers have verified with us and from the contacts they have registered. ' +
      'If your organisation has a contract with us, please write from your work address, or ask your support contact or account manager to have the support desk register you.',
  };
}

/** Another customer's tenant and a tenant nobody has read alike: both are simply not on the requester's contract. */
function tenantReasons(contract: Contract, tenantDomain: string | undefined): ValidationReason[] {
  const tenant = tenantDomain?.trim().toLowerCase();
  if (tenant === undefined || contract.tenantDomains.includes(tenant)) {
    return [];
  }
  return [
    {
      code: 'tenant-domain-not-registered',
      field: 'tenantDomain',
      message: `The tenant ${tenant} is not registered to your support contract (${contract.company}). Please check the onmicrosoft.com domain of your tenant; a new tenant can be added to your contract by your account manager.`,
    },
  ];
}

function companyReasons(contract: Contract, company: string | undefined): ValidationReason[] {
  if (company === undefined || sameCompany(company, contract.company)) {
    return [];
  }
  return [
    {
      code: 'company-not-on-contract',
      field: 'company',
      message: `The company you named is not the one on your support contract (${contract.company}). Please give the company name as it appears on your contract.`,
    },
  ];
}

function activityReasons(contract: Contract, now: Instant): ValidationReason[] {
  if (isContractActive(contract, now)) {
    return [];
  }
  const message =
    Date.parse(now) < Date.parse(contract.activeFrom)
      ? `The support contract of ${contract.company} only starts on ${contract.activeFrom.slice(0, 10)}.`
      : `The support contract of ${contract.company} ended on ${contract.activeUntil.slice(0, 10)}.`;
  return [{ code: 'contract-not-active', message }];
}

function severityReasons(plan: Plan, severity: Severity | undefined): ValidationReason[] {
  if (severity === undefined || plan.severities.includes(severity)) {
    return [];
  }
  return [
    {
      code: 'severity-not-in-plan',
      field: 'severity',
      message: `The ${plan.name} plan covers Severity ${plan.severities.join(', ')}, not Severity ${severity}.`,
    },
  ];
}

function scopeReasons(contract: Contract, scope: Scope | undefined): ValidationReason[] {
  if (scope !== 'on-premises' || hasAddOn(contract, 'on-premises')) {
    return [];
  }
  return [
    {
      code: 'on-premises-not-covered',
      field: 'scope',
      message: `On-premises problems need the on-premises add-on, which the contract of ${contract.company} does not include.`,
    },
  ];
}
