/**
 * How the lifecycle's activities read the ticket service's answer: the ticket as it now stands,
 * or an error that lets Durable retry the activity (store down, contention, a broken setup).
 */
import type { Ticket } from '../domain/ticket/ticket';
import type { ApplyResult } from '../tickets/apply-to-ticket';

/** The ticket after the step; undefined when it does not exist. Throws on what a retry may cure. */
export function ticketAfter(result: ApplyResult, step: string): Ticket | undefined {
  switch (result.kind) {
    case 'applied':
    case 'unchanged':
      return result.ticket;
    case 'rejected':
      // The agenda only proposes what the domain accepts; a refusal means a race with a person's
      // command, and the next turn decides again from the fresh ticket.
      return result.ticket;
    case 'not-found':
      return undefined;
    case 'unavailable':
      throw new Error(`${step}: the ticket store is unavailable (${result.failure.kind}); retrying`);
    case 'failed':
      throw new Error(`${step}: ${result.reason}`);
  }
}
