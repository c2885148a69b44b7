/**
 * What the ticket service asks of a ticket's durable lifecycle: start it, start it unless it
 * exists, and wake it after a change. `durableLifecycleControl` does this with a Durable Functions
 * client; none of it ever fails the caller, because the ticket in the store is the truth and the
 * repair timer starts whatever did not start.
 */
import type { DurableClient } from 'durable-functions';
import type { TicketNumber } from '../domain/ticket/ticket-number';
import type { EventLog } from '../logging/structured-log';
import { lifecycleInstanceId, TICKET_CHANGED_EVENT, TICKET_LIFECYCLE_ORCHESTRATION, ticketLifecycleInput } from './lifecycle-names';

export type LifecycleStart = 'started' | 'already-started' | 'start-failed';
export type LifecycleExistence = 'exists' | 'missing' | 'unknown';

export interface LifecycleControl {
  start(ticketNumber: TicketNumber): Promise<LifecycleStart>;
  ensureStarted(ticketNumber: TicketNumber): Promise<LifecycleStart>;
  exists(ticketNumber: TicketNumber): Promise<LifecycleExistence>;
  /** Raises `ticket-changed`; an instance that is gone or finished is not an error. */
  signalTicketChanged(ticketNumber: TicketNumber): Promise<void>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** durable-functions v3 reports a missing instance only in its error text. */
export function isMissingInstance(error: unknown): boolean {
  return /HTTP 404|No instance with ID/i.test(messageOf(error));
}

/** Someone else (a racing intake, the lifecycle watchdog) started it first: that is a success. */
function isExistingInstance(error: unknown): boolean {
  return /status code: 409|already exists/i.test(messageOf(error));
}

export function durableLifecycleControl(client: DurableClient, log?: EventLog): LifecycleControl {
  const start = async (ticketNumber: TicketNumber): Promise<LifecycleStart> => {
    const input = ticketLifecycleInput(ticketNumber);
    try {
      await client.startNew(TICKET_LIFECYCLE_ORCHESTRATION, { instanceId: lifecycleInstanceId(ticketNumber), input });
      return 'started';
    } catch (error: unknown) {
      if (isExistingInstance(error)) return 'already-started';
      log?.warn('lifecycle.start-failed', { ticketNumber, error: messageOf(error) });
      return 'start-failed';
    }
  };
  const exists = async (ticketNumber: TicketNumber): Promise<LifecycleExistence> => {
    try {
      await client.getStatus(lifecycleInstanceId(ticketNumber), { showHistory: false, showInput: false });
      return 'exists';
    } catch (error: unknown) {
      if (isMissingInstance(error)) return 'missing';
      log?.warn('lifecycle.status-unknown', { ticketNumber, error: messageOf(error) });
      return 'unknown';
    }
  };
  return {
    start,
    exists,
    async ensureStarted(ticketNumber) {
      const existence = await exists(ticketNumber);
      if (existence === 'exists') return 'already-started';
      return existence === 'missing' ? start(ticketNumber) : 'start-failed';
    },
    async signalTicketChanged(ticketNumber) {
      try {
        await client.raiseEvent(lifecycleInstanceId(ticketNumber), TICKET_CHANGED_EVENT, { ticketNumber });
      } catch (error: unknown) {
        if (!isMissingInstance(error)) log?.warn('lifecycle.signal-failed', { ticketNumber, error: messageOf(error) });
      }
    },
  };
}
