/**
 * How the lifecycle's activities read the ticket service's answer: the ticket as it now stands,
 * or an error that lets Durable retry the activity (store down, contention, a broken setup, or
 * emails the change calls for that could not be queued).
 */
import type { Ticket } from '../domain/ticket/ticket';
import type { ApplyResult } from '../ticket-service/apply-to-ticket';
import type { NotificationOutcome } from '../email/ticket-notifier';
import type { StoredTicketVersion } from '../store/ticket-repository';

/**
 * The ticket after the step; undefined when it does not exist. Throws on what a retry may cure.
 * A change saved without its emails queued throws too: the ticket still owes them, and the retry
 * pays that debt before anything else (or replays its command id), which is sooner than the
 * watchdog's sweep would.
 */
export function ticketAfter(result: ApplyResult, step: string): Ticket | undefined {
  switch (result.kind) {
    case 'applied':
    case 'unchanged':
      throwIfEmailsOwed(result.notifications, step);
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

/** The stored version the answer carries, for the same activity's next write to start from. */
export function versionAfter(result: ApplyResult): StoredTicketVersion | undefined {
  return result.kind === 'applied' || result.kind === 'unchanged' || result.kind === 'rejected' ? result.version : undefined;
}

function throwIfEmailsOwed(notifications: NotificationOutcome | undefined, step: string): void {
  const failed = notifications?.failed ?? [];
  const first = failed[0];
  if (first === undefined) return;
  throw new Error(`${step}: the change is saved but ${String(failed.length)} of its emails could not be queued (${first.reason}); retrying`);
}
