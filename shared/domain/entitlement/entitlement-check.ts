/**
 * The first validation layer: is the requester entitled to support for this ticket? An active
 * contract, a plan that allows the severity, and the on-premises add-on for on-premises scope.
 * Every failing reason is returned, not just the first.
 */
import { Instant, Scope, Severity } from '../primitives';
import { ValidationReason } from '../intake/validation-reason';
import { Contract, hasAddOn, isContractActive } from '../org/contract';
import { OrgConfig } from '../org/org-config';
import { Plan } from '../org/plan';
import { matchContract, RequesterIdentity } from './contract-match';

export interface EntitlementSubject extends RequesterIdentity {
  severity?: Severity;
  scope?: Scope;
}

export type EntitlementResult = { ok: true; contract: Contract; plan: Plan } | { ok: false; reasons: ValidationReason[]; contract?: Contract; plan?: Plan };

export function entitlementCheck(subject: EntitlementSubject, org: Pick<OrgConfig, 'contracts' | 'plans'>, now: Instant): EntitlementResult {
  const contract = matchContract(org.contracts, subject, now);
  if (!contract) {
    const domain = subject.tenantDomain ?? subject.requesterEmail.slice(subject.requesterEmail.lastIndexOf('@') + 1);
    return { ok: false, reasons: [{ code: 'no-contract', message: `We have no support contract for ${domain}. Please contact your account manager.` }] };
  }
  const plan = org.plans.find((candidate) => candidate.id === contract.plan);
  const reasons: ValidationReason[] = [
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
