/**
 * The words the console uses for the domain's states, as staff say them (the requester's pages
 * address the customer: "waiting for your answer"). Keyed by the domain's enums, so a new status
 * or clock state does not compile until it has its words.
 */
import type { SlaClockState } from '../../../domain/sla/sla-clock';
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

export const STAFF_CLOCK_STATE_WORDING: Readonly<Record<SlaClockState, string>> = {
  running: 'Running',
  paused: 'Paused',
  met: 'Met',
  breached: 'Breached',
  'not-started': 'Not started',
};

export const PAUSE_WORDING: Readonly<Record<SlaPauseReason, string>> = {
  'awaiting-customer': 'waiting on the customer',
  'awaiting-vendor': 'waiting on the vendor',
  'resolution-proposed': 'resolution proposed',
};
