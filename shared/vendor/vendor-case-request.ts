/**
 * The L3 case Baton files with the vendor for a ticket: the problem as the customer described it
 * with the engineer's justification, our engineer as the case's contact (they stay the owner), and
 * a request id derived from the escalation request, so a re-run never opens a second case.
 */
import type { Severity } from '../domain/primitives';
import type { OrgConfig } from '../domain/org/org-config';
import type { Ticket } from '../domain/ticket/ticket';
import type { TimelineEventOf } from '../domain/timeline/timeline-event';
import { messageIdFor } from '../email/message-id';
import type { NewServiceRequest, VendorSeverity } from './vendor-schemas';

const VENDOR_SEVERITY: Record<Severity, VendorSeverity> = { A: 'critical', B: 'moderate', C: 'minimal' };
const MAX_TITLE = 255;

/** The engineer's latest escalation request: the one the case answers. */
export function pendingEscalation(ticket: Ticket): TimelineEventOf<'vendor-escalation-requested'> | undefined {
  return [...ticket.timeline].reverse().find((event): event is TimelineEventOf<'vendor-escalation-requested'> => event.type === 'vendor-escalation-requested');
}

/** The same escalation request always gets the same id: the vendor applies an id once. */
export function vendorRequestId(ticket: Ticket, escalation: TimelineEventOf<'vendor-escalation-requested'>): string {
  return messageIdFor(ticket.ticketNumber, 'vendor-case', escalation.id);
}

/** Case titles start with the ticket number, which is how a vendor callback finds its ticket. */
export function vendorCaseTitle(ticket: Ticket): string {
  return `[${ticket.ticketNumber}] ${ticket.title ?? ticket.description}`.slice(0, MAX_TITLE);
}

export function ticketNumberInCaseTitle(title: string): string | undefined {
  return /^\[([A-Z0-9]+(?:-[A-Z0-9]+)*)\]/.exec(title)?.[1];
}

export function vendorCaseRequest(ticket: Ticket, org: OrgConfig, escalation: TimelineEventOf<'vendor-escalation-requested'>): NewServiceRequest {
  const engineer = ticket.assignee;
  const [firstName = 'Support', ...rest] = (engineer?.name ?? org.supportDesk.name).split(/\s+/);
  const product = org.productCatalogue.find((area) => area.id === ticket.productArea);
  const description = [
    ticket.description,
    ticket.businessImpact === undefined ? undefined : `Business impact: ${ticket.businessImpact}`,
    ticket.errorText === undefined ? undefined : `Error: ${ticket.errorText}`,
    `Why we escalate: ${escalation.justification}`,
  ].filter((part): part is string => part !== undefined);
  return {
    title: vendorCaseTitle(ticket),
    description: description.join('\n\n'),
    severity: VENDOR_SEVERITY[ticket.severity ?? 'C'],
    supportTopicId: ticket.productArea ?? 'general',
    ...(product === undefined ? {} : { supportTopicName: product.name }),
    organization: { id: ticket.tenantDomain ?? ticket.requesterEmail, ...(ticket.company === undefined ? {} : { name: ticket.company }) },
    primaryContact: { firstName, lastName: rest.join(' ') || firstName, email: engineer?.email ?? org.supportDesk.email },
  };
}
