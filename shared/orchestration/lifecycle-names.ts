/**
 * The contract between the ticket service and the durable lifecycle: the orchestration's name, its
 * instance id (the ticket number), its input, and the wake-up event raised when a ticket changes.
 */
import type { TicketNumber } from '../domain/ticket/ticket-number';

export const TICKET_LIFECYCLE_ORCHESTRATION = 'ticketLifecycle';

/** Raised on the ticket's instance after a change is saved: "look again", never the change itself. */
export const TICKET_CHANGED_EVENT = 'ticket-changed';

/** What a lifecycle is started with; the orchestrator reads its ticket from the instance id, so nothing parses it. */
export interface TicketLifecycleInput {
  readonly ticketNumber: TicketNumber;
}

/** One instance per ticket, so a second start for the same ticket finds the first. */
export function lifecycleInstanceId(ticketNumber: TicketNumber): string {
  return ticketNumber;
}
