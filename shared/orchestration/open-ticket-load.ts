/**
 * How many open tickets each engineer carries, for assignment and handoffs to balance load.
 * Read only when the agenda has someone to choose, from the tickets in working statuses.
 */
import type { OpenTicketLoad } from '../domain/agenda/ticket-agenda';
import { WORKING_STATUSES } from '../domain/ticket/ticket-status';
import type { LifecyclePorts } from './lifecycle-ports';

/** Enough for a desk's open work; beyond it the loads undercount and assignment only balances less well. */
const LOAD_SAMPLE = 1000;

export async function openTicketLoad(ports: Pick<LifecyclePorts, 'listTickets'>): Promise<OpenTicketLoad> {
  const list = await ports.listTickets({ statuses: WORKING_STATUSES, maxItems: LOAD_SAMPLE });
  if (list.kind === 'failed') throw new Error(`engineer loads: the ticket store is unavailable (${list.failure.kind})`);
  const load: Record<string, number> = {};
  for (const ticket of list.tickets) {
    const engineerId = ticket.assignee?.engineerId;
    if (engineerId !== undefined) load[engineerId] = (load[engineerId] ?? 0) + 1;
  }
  return load;
}
