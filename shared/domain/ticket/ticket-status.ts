/**
 * Where a ticket stands in its lifecycle. Statuses are projections of the timeline, never set
 * directly: `evolve` derives them from the events.
 */
import { z } from 'zod';

export const TicketStatusSchema = z.enum([
  'received',
  'validating',
  'rejected',
  'triaged',
  'assigned',
  'investigating',
  'awaiting-customer',
  'escalated-to-vendor',
  'resolution-proposed',
  'closed',
  'reopened',
]);
export type TicketStatus = z.infer<typeof TicketStatusSchema>;

export const TICKET_STATUSES: readonly TicketStatus[] = TicketStatusSchema.options;

/** Nothing more happens on these, except internal notes and (for `closed`) a reopen. */
export const FINISHED_STATUSES: readonly TicketStatus[] = ['rejected', 'closed'];

/** Statuses in which an engineer owns the work (after triage, before closure). */
export const WORKING_STATUSES: readonly TicketStatus[] = [
  'assigned',
  'investigating',
  'awaiting-customer',
  'escalated-to-vendor',
  'resolution-proposed',
  'reopened',
];

export function isFinished(status: TicketStatus): boolean {
  return FINISHED_STATUSES.includes(status);
}
