/**
 * Validation on the agenda: a received ticket is due its verdict at once, both layers together
 * (entitlement, then mandatory information) so that a failing ticket is closed with every reason,
 * and a passing one is triaged onto its plan's SLA policy and the queue that takes its product
 * area and severity. Nothing else can be due before the verdict.
 */
import type { Instant } from '../primitives';
import type { OrgConfig } from '../org/org-config';
import { routeToQueue } from '../routing/route-to-queue';
import type { Ticket } from '../ticket/ticket';
import type { TicketStatus } from '../ticket/ticket-status';
import type { AgendaPart, ValidationVerdict } from './agenda-item';
import { NOTHING_DUE } from './agenda-item';
import { validateTicket } from './validate-ticket';

/** Statuses before the verdict: validation is due as soon as the ticket is received. */
export const AWAITING_VALIDATION: readonly TicketStatus[] = ['received', 'validating'];

export function validationAgenda(ticket: Ticket, org: OrgConfig, now: Instant): AgendaPart {
  if (!AWAITING_VALIDATION.includes(ticket.status)) return NOTHING_DUE;
  return { due: [{ kind: 'validate', startsValidation: ticket.status === 'received', verdict: validationVerdict(ticket, org, now) }], wakeAt: [] };
}

export function validationVerdict(ticket: Ticket, org: OrgConfig, now: Instant): ValidationVerdict {
  const validation = validateTicket(ticket, org, now);
  if (!validation.ok) return { outcome: 'rejected', reasons: validation.reasons };
  const routing = ticket.productArea === undefined || ticket.severity === undefined ? undefined : routeToQueue(org.queues, ticket.productArea, ticket.severity);
  if (routing?.ok !== true) {
    const message = `No support queue takes ${String(ticket.productArea)} tickets of Severity ${String(ticket.severity)}.`;
    return { outcome: 'rejected', reasons: [{ code: 'product-area-not-covered', field: 'productArea', message }] };
  }
  const { contract, plan, severityProposal } = validation;
  const tam = contract.tamEmail === undefined ? {} : { tamEmail: contract.tamEmail };
  const triage = { slaPolicyId: plan.slaPolicyId, queueId: routing.queue.id, contractId: contract.id, ...tam };
  return severityProposal === undefined ? { outcome: 'triaged', triage } : { outcome: 'triaged', triage, severityProposal };
}
