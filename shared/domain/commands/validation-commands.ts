/**
 * What Baton does with a validation verdict: reject with every reason, or triage onto the plan's
 * SLA policy and the routed queue, then propose B for Severity A without 24x7 availability.
 */
import { SYSTEM_ACTOR } from '../ticket/actor';
import { Command } from './commands';
import { TicketValidation } from './validate-ticket';

export function commandsAfterValidation(validation: TicketValidation, queueId: string): Command[] {
  if (!validation.ok) {
    return [{ type: 'reject', actor: SYSTEM_ACTOR, reasons: validation.reasons }];
  }
  const { contract, plan, severityProposal } = validation;
  const tam = contract.tamEmail === undefined ? {} : { tamEmail: contract.tamEmail };
  const triage: Command = { type: 'triage', actor: SYSTEM_ACTOR, slaPolicyId: plan.slaPolicyId, queueId, contractId: contract.id, ...tam };
  return severityProposal
    ? [triage, { type: 'change-severity', actor: SYSTEM_ACTOR, to: severityProposal.to, reason: severityProposal.reason }]
    : [triage];
}
