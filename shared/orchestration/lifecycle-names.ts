/**
 * The contract between the ticket service and the durable lifecycle: the orchestration's name, its
 * instance id (the ticket number), its input, and the wake-up event raised when a ticket changes.
 */
import { z } from 'zod';
import { TicketNumberSchema, type TicketNumber } from '../domain/ticket/ticket-number';

export const TICKET_LIFECYCLE_ORCHESTRATION = 'ticketLifecycle';

/** Raised on the ticket's instance after a change is saved: "look again", never the change itself. */
export const TICKET_CHANGED_EVENT = 'ticket-changed';

export const TicketLifecycleInputSchema = z.object({ ticketNumber: TicketNumberSchema });
export type TicketLifecycleInput = z.infer<typeof TicketLifecycleInputSchema>;

/** One instance per ticket, so a second start for the same ticket finds the first. */
export function lifecycleInstanceId(ticketNumber: TicketNumber): string {
  return ticketNumber;
}
