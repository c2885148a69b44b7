/**
 * Where a handoff stands, read from the timeline: whether the new engineer has picked it up.
 */
import { Ticket } from '../ticket/ticket';

export function isAwaitingHandoffAcknowledgement(ticket: Ticket): boolean {
  const last = [...ticket.timeline].reverse().find((event) => event.type === 'handed-off' || event.type === 'handoff-acknowledged');
  return last?.type === 'handed-off';
}
