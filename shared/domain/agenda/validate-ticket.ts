/**
 * Validation of an accepted ticket, both layers at once (entitlement, then mandatory
 * information), so a failing ticket is closed with every reason. A pass says how to triage it
 * and, for Severity A without 24x7 availability, which downgrade to propose.
 */
import { Instant } from '../primitives';
import { WebFormIntakeSchema } from '../intake/intake';
import { TenantDomainSchema } from '../intake/intake-fields';
import { ValidationReason } from '../intake/validation-reason';
import { entitlementCheck } from '../entitlement/entitlement-check';
import { Contract } from '../org/contract';
import { OrgConfig } from '../org/org-config';
import { Plan } from '../org/plan';
import { SeverityProposal, severityProposalForAvailability } from '../severity/availability-rule';
import { Ticket } from '../ticket/ticket';
import { mandatoryInformationCheck } from '../commands/mandatory-information';

export type TicketValidation =
  | { ok: true; contract: Contract; plan: Plan; severityProposal?: SeverityProposal }
  | { ok: false; reasons: ValidationReason[] };

export function validateTicket(ticket: Ticket, org: OrgConfig, now: Instant): TicketValidation {
  const entitlement = entitlementCheck(
    { requesterEmail: ticket.requesterEmail, severity: ticket.severity, scope: ticket.scope, ...tenantOf(ticket), ...companyOf(ticket) },
    org,
    now,
  );
  const plan = entitlement.plan;
  const reasons = [
    ...(entitlement.ok ? [] : entitlement.reasons),
    ...mandatoryInformationCheck({ ticket, org, ...(plan ? { plan } : {}) }),
  ];
  if (!entitlement.ok || reasons.length > 0) {
    return { ok: false, reasons };
  }
  const matched = { contract: entitlement.contract, plan: entitlement.plan };
  const severityProposal = severityProposalForAvailability(ticket);
  return severityProposal ? { ok: true, ...matched, severityProposal } : { ok: true, ...matched };
}

/** Only a well-formed tenant or company is held against the contract; a malformed one is the form's reason. */
function tenantOf(ticket: Ticket): { tenantDomain?: string } {
  const tenant = TenantDomainSchema.safeParse(ticket.tenantDomain);
  return tenant.success ? { tenantDomain: tenant.data } : {};
}

function companyOf(ticket: Ticket): { company?: string } {
  const company = WebFormIntakeSchema.shape.company.safeParse(ticket.company);
  return company.success ? { company: company.data } : {};
}
