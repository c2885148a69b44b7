/**
 * How many open tickets each engineer carries, for assignment and handoffs to balance load.
 * Read only when the agenda has someone to choose, from the tickets in working statuses: their
 * assignees' ids alone, not the tickets.
 */
import type { OpenTicketLoad } from '../domain/agenda/ticket-agenda';
import { WORKING_STATUSES } from '../domain/ticket/ticket-status';
import type { LifecyclePorts } from './lifecycle-ports';

/** Enough for a desk's open work; beyond it the loads undercount and assignment only balances less well. */
const LOAD_SAMPLE = 5000;

export async function openTicketLoad(ports: Pick<LifecyclePorts, 'assigneeLoads'>): Promise<OpenTicketLoad> {
  const read = await ports.assigneeLoads(WORKING_STATUSES, LOAD_SAMPLE);
  if (read.kind === 'failed') throw new Error(`engineer loads: the ticket store is unavailable (${read.failure.kind})`);
  return read.load;
}
