/**
 * Decisions on follow-the-sun: the ticket moves to the next region's engineer with its brief
 * (and the customer sees who owns it now); the new engineer then acknowledges.
 */
import { isAwaitingHandoffAcknowledgement } from './handoff-state';
import { Ticket } from '../ticket/ticket';
import { CommandOf } from '../commands/commands';
import { accepted, rejected, Verdict } from '../commands/decision';

export function decideHandoff(ticket: Ticket, command: CommandOf<'handoff'>): Verdict {
  const from = ticket.assignee;
  if (!from) {
    return rejected('invalid-state', 'nobody is assigned, so there is nothing to hand off');
  }
  if (from.engineerId === command.toEngineer.engineerId) {
    return rejected('invalid-command', 'a handoff goes to another engineer');
  }
  if (command.brief.ticketNumber !== ticket.ticketNumber) {
    return rejected('invalid-command', 'the brief describes another ticket');
  }
  return accepted(
    { type: 'handed-off', fromEngineer: from, toEngineer: command.toEngineer, fromRegion: from.region, toRegion: command.toEngineer.region, brief: command.brief },
    { type: 'engineer-assigned', engineer: command.toEngineer, reason: 'handoff' },
  );
}

export function decideHandoffAcknowledgement(ticket: Ticket): Verdict {
  if (!isAwaitingHandoffAcknowledgement(ticket)) {
    return rejected('invalid-state', 'no handoff awaits acknowledgement');
  }
  return accepted({ type: 'handoff-acknowledged' });
}
