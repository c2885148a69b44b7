/**
 * Where the L3 escalation stands, read from the timeline: whether a request awaits its case, and
 * when the vendor is next due a follow-up.
 */
import { Instant } from '../primitives';
import { LifecycleSettings } from '../org/lifecycle-settings';
import { Ticket } from '../ticket/ticket';
import { isVendorCaseActive } from '../ticket/vendor-case';
import { instantPlus } from './instants';

/** The engineer asked for a vendor case and it has been neither opened nor reported failed since. */
export function isVendorEscalationPending(ticket: Ticket): boolean {
  const last = [...ticket.timeline]
    .reverse()
    .find((event) => event.type === 'vendor-escalation-requested' || event.type === 'vendor-case-opened' || event.type === 'vendor-case-failed');
  return last?.type === 'vendor-escalation-requested';
}

/** The vendor is chased at the severity's interval after the last contact with them. */
export function vendorFollowUpDueAt(ticket: Ticket, settings: LifecycleSettings): Instant | undefined {
  const vendorCase = ticket.vendorCase;
  if (!isVendorCaseActive(vendorCase) || ticket.status === 'closed') {
    return undefined;
  }
  // Stryker disable next-line StringLiteral: a ticket is triaged, and so has a severity, before it can reach a vendor
  const hours = settings.vendorFollowUpHours[ticket.severity ?? 'C'];
  return instantPlus(vendorCase.lastCheckedAt ?? vendorCase.openedAt, { hours });
}
