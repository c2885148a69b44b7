/**
 * The watchdog's view of the ticket orchestrations through a Durable Functions client: which are
 * alive (one query for all of them), and starting or waking one through the ticket service's
 * lifecycle control.
 */
import * as df from 'durable-functions';
import type { DurableClient } from 'durable-functions';
import type { LifecycleControl } from '../tickets/lifecycle-control';
import { TICKET_LIFECYCLE_ORCHESTRATION } from '../tickets/lifecycle-names';
import type { LifecycleInstances } from './watchdog';

/** Suspended instances count as alive: an operator suspended them on purpose. */
const ALIVE = [
  df.OrchestrationRuntimeStatus.Running,
  df.OrchestrationRuntimeStatus.Pending,
  df.OrchestrationRuntimeStatus.ContinuedAsNew,
  df.OrchestrationRuntimeStatus.Suspended,
];

export function durableLifecycleInstances(client: DurableClient, control: LifecycleControl): LifecycleInstances {
  return {
    async aliveInstanceIds() {
      const statuses = await client.getStatusBy({ runtimeStatus: ALIVE });
      return new Set(statuses.filter((status) => status.name === TICKET_LIFECYCLE_ORCHESTRATION).map((status) => status.instanceId));
    },
    start: (ticketNumber) => control.start(ticketNumber),
    wake: (ticketNumber) => control.signalTicketChanged(ticketNumber),
  };
}
