/**
 * A ticket's status as the requester reads it, on the status page and in emails alike. Keyed by the
 * status vocabulary, so a new status does not compile until it has its words.
 */
import type { TicketStatus } from './ticket-status';

export const REQUESTER_STATUS_WORDS: Readonly<Record<TicketStatus, string>> = {
  received: 'Received',
  validating: 'Being checked',
  rejected: 'Not accepted',
  triaged: 'Waiting for an engineer',
  assigned: 'Assigned to an engineer',
  investigating: 'Being investigated',
  'awaiting-customer': 'Waiting for your answer',
  'escalated-to-vendor': 'Escalated to the vendor',
  'resolution-proposed': 'Solution proposed: please confirm',
  closed: 'Closed',
  reopened: 'Reopened',
};
