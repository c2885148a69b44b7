/**
 * The watchdog's view of the ticket orchestrations through a Durable Functions client: whether
 * one is alive (a status read for that instance only), and starting or waking one through the
 * ticket service's lifecycle control.
 */
import * as df from 'durable-functions';
import type { DurableClient } from 'durable-functions';
import { isMissingInstance, type LifecycleControl } from './lifecycle-control';
import { lifecycleInstanceId } from './lifecycle-names';
import type { LifecycleInstances, LifecycleLiveness } from './watchdog';

/** Suspended instances count as alive: an operator suspended them on purpose. */
const ALIVE: readonly df.OrchestrationRuntimeStatus[] = [
  df.OrchestrationRuntimeStatus.Running,
  df.OrchestrationRuntimeStatus.Pending,
  df.OrchestrationRuntimeStatus.ContinuedAsNew,
  df.OrchestrationRuntimeStatus.Suspended,
];

export function durableLifecycleInstances(client: DurableClient, control: LifecycleControl): LifecycleInstances {
  return {
    async liveness(ticketNumber): Promise<LifecycleLiveness> {
      try {
        const status = await client.getStatus(lifecycleInstanceId(ticketNumber), { showHistory: false, showInput: false });
        return status.runtimeStatus !== undefined && ALIVE.includes(status.runtimeStatus) ? 'alive' : 'gone';
      } catch (error: unknown) {
        return isMissingInstance(error) ? 'gone' : 'unknown';
      }
    },
    start: (ticketNumber) => control.start(ticketNumber),
    wake: (ticketNumber) => control.signalTicketChanged(ticketNumber),
  };
}
