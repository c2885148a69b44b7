/**
 * Decisions on the conversation: the engineer acknowledging, answering and asking, the customer
 * replying, internal notes, and calling in a team lead.
 */
import { Ticket } from '../ticket/ticket';
import { CommandOf } from './commands';
import { accepted, rejected, Verdict } from './decision';

export function decideAcknowledge(ticket: Ticket, command: CommandOf<'acknowledge'>): Verdict {
  if (!ticket.assignee) {
    return rejected('invalid-state', 'nobody is assigned to acknowledge this ticket');
  }
  return accepted({ type: 'acknowledged', message: command.message });
}

export function decideInternalNote(command: CommandOf<'internal-note'>): Verdict {
  const handoffFields = {
    ...(command.nextStep === undefined ? {} : { nextStep: command.nextStep }),
    ...(command.tried === undefined ? {} : { tried: command.tried }),
  };
  return accepted({ type: 'internal-note-added', note: command.note, ...handoffFields });
}
