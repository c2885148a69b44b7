/**
 * The contract between the ticket service and the durable lifecycle: the orchestration's name, its
 * instance id (the ticket number), its input, and the wake-up event raised when a ticket changes.
 */
import type { TicketNumber } from '../domain/ticket/ticket-number';

export const TICKET_LIFECYCLE_ORCHESTRATION = 'ticketLifecycle';

/** Raised on the ticket's instance after a change is saved: "look again", never the change itself. */
export const TICKET_CHANGED_EVENT = 'ticket-changed';

/**
 * The revision of the lifecycle's steps an instance is started on, kept in its input for its whole
 * life so a replay takes the path its history was written by. Instances started before revisions
 * existed carry none: they validate in a `validateTicket` step of their own before the first turn.
 * Raise it with any change to the order of activities, timers or events a fresh start schedules.
 */
export const CURRENT_LIFECYCLE_REVISION = 2;

/** From this revision on, validation is the first item of a received ticket's agenda, done in the turns. */
export const VALIDATION_IN_TURNS_REVISION = 2;

/** What a lifecycle is started with; the orchestrator reads its ticket from the instance id, so nothing parses it. */
export interface TicketLifecycleInput {
  readonly ticketNumber: TicketNumber;
  readonly revision: number;
}

export function ticketLifecycleInput(ticketNumber: TicketNumber): TicketLifecycleInput {
  return { ticketNumber, revision: CURRENT_LIFECYCLE_REVISION };
}

/** One instance per ticket, so a second start for the same ticket finds the first. */
export function lifecycleInstanceId(ticketNumber: TicketNumber): string {
  return ticketNumber;
}
