/**
 * The words the ticket page uses for the domain's states, as staff say them (the requester's pages
 * address the customer: "waiting for your answer"). Keyed by the domain's enums, so a new status
 * or pause reason does not compile until it has its words.
 */
import type { SlaPauseReason } from '../../../domain/sla/sla-history';
import type { TicketStatus } from '../../../domain/ticket/ticket-status';

export const STAFF_STATUS_WORDING: Readonly<Record<TicketStatus, string>> = {
  received: 'Received',
  validating: 'Being validated',
  rejected: 'Rejected at validation',
  triaged: 'Triaged, not assigned',
  assigned: 'Assigned, not acknowledged',
  investigating: 'Investigating',
  'awaiting-customer': 'Awaiting the customer',
  'escalated-to-vendor': 'Escalated to the vendor',
  'resolution-proposed': 'Resolution proposed',
  closed: 'Closed',
  reopened: 'Reopened',
};

export const PAUSE_WORDING: Readonly<Record<SlaPauseReason, string>> = {
  'awaiting-customer': 'waiting on the customer',
  'awaiting-vendor': 'waiting on the vendor',
  'resolution-proposed': 'resolution proposed',
};
