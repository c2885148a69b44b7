/**
 * Decisions on the L3 vendor escalation. One case at a time; the engineer stays the owner and
 * the vendor's updates are recorded as they come.
 */
import { Ticket } from '../ticket/ticket';
import { isVendorCaseActive } from '../ticket/vendor-case';
import { CommandOf } from './commands';
import { accepted, rejected, Verdict } from './decision';
import { isVendorEscalationPending } from './vendor-escalation-state';

export function decideVendorEscalation(ticket: Ticket, command: CommandOf<'escalate-to-vendor'>): Verdict {
  if (isVendorCaseActive(ticket.vendorCase)) {
    return rejected('invalid-state', `vendor case ${ticket.vendorCase.caseId} is already open`);
  }
  if (isVendorEscalationPending(ticket)) {
    return rejected('invalid-state', 'a vendor escalation is already under way');
  }
  return accepted({ type: 'vendor-escalation-requested', justification: command.justification });
}

export function decideVendorCaseRecord(ticket: Ticket, command: CommandOf<'record-vendor-case'>): Verdict {
  if (!isVendorEscalationPending(ticket)) {
    return rejected('invalid-state', 'no vendor escalation awaits its case');
  }
  const outcome = command.outcome;
  return outcome.status === 'opened'
    ? accepted({ type: 'vendor-case-opened', caseId: outcome.caseId })
    : accepted({ type: 'vendor-case-failed', reason: outcome.reason });
}

export function decideVendorUpdate(ticket: Ticket, command: CommandOf<'vendor-update'>): Verdict {
  if (!isVendorCaseActive(ticket.vendorCase)) {
    return rejected('invalid-state', 'no vendor case is open');
  }
  // An absent scope is left out rather than written as undefined, which the stored JSON drops anyway.
  // Stryker disable next-line ConditionalExpression: see above
  const scope = command.scope === undefined ? {} : { scope: command.scope };
  return accepted({ type: 'vendor-updated', note: command.note, status: command.status, ...scope });
}

export function decideVendorFollowUp(ticket: Ticket, command: CommandOf<'follow-up-vendor'>): Verdict {
  if (!isVendorCaseActive(ticket.vendorCase)) {
    return rejected('invalid-state', 'no vendor case is open');
  }
  // Stryker disable next-line ConditionalExpression: as the scope above, an absent note is left out
  return accepted(command.note === undefined ? { type: 'vendor-followed-up' } : { type: 'vendor-followed-up', note: command.note });
}
