/**
 * The L3 vendor escalation on the agenda: a requested case to raise, the next follow-up of an open
 * case, and closure when the vendor places the problem on-premises for a customer without the
 * on-premises add-on (the ticket is then not entitled to support).
 */
import { coversOnPremises } from '../entitlement/entitlement-check';
import { COMMAND_STATUSES } from '../commands/command-statuses';
import { isVendorEscalationPending, vendorFollowUpDueAt } from '../commands/vendor-escalation-state';
import type { Instant } from '../primitives';
import type { OrgConfig } from '../org/org-config';
import type { Ticket } from '../ticket/ticket';
import type { AgendaItem, AgendaPart } from './agenda-item';

export const NOT_ENTITLED_ON_PREMISES =
  'The vendor found that this problem lies in your on-premises environment. Support for on-premises problems needs the on-premises add-on, ' +
  'which your contract does not include, so we have to close this ticket. Your account manager can add it; then please open a new ticket.';

export function vendorAgenda(ticket: Ticket, org: OrgConfig, now: Instant): AgendaPart {
  if (declaredOnPremisesWithoutAddOn(ticket, org) && COMMAND_STATUSES['close-not-entitled'].includes(ticket.status)) {
    return { due: [{ kind: 'not-entitled', explanation: NOT_ENTITLED_ON_PREMISES }], wakeAt: [] };
  }
  const due: AgendaItem[] = [];
  if (isVendorEscalationPending(ticket) && COMMAND_STATUSES['record-vendor-case'].includes(ticket.status)) {
    due.push({ kind: 'raise-vendor-case' });
  }
  const followUpAt = COMMAND_STATUSES['follow-up-vendor'].includes(ticket.status) ? vendorFollowUpDueAt(ticket, org.lifecycle) : undefined;
  if (followUpAt !== undefined && Date.parse(followUpAt) <= Date.parse(now)) {
    due.push({ kind: 'vendor-follow-up', dueAt: followUpAt });
    return { due, wakeAt: [] };
  }
  return { due, wakeAt: [followUpAt] };
}

/** Only the vendor's finding counts here: an on-premises ticket without the add-on never passes validation. */
function declaredOnPremisesWithoutAddOn(ticket: Ticket, org: OrgConfig): boolean {
  const declared = ticket.timeline.some((event) => event.type === 'vendor-updated' && event.scope === 'on-premises');
  return declared && ticket.scope === 'on-premises' && !coversOnPremises(org, ticket.contractId);
}
