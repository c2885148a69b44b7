/**
 * Decisions on Baton's own steps from receipt to assignment: validation, its verdict, triage,
 * assignment (or no engineer available) and closure for lack of entitlement.
 */
import { Ticket } from '../ticket/ticket';
import { CommandOf } from './commands';
import { accepted, rejected, Verdict } from './decision';

export function decideTriage(command: CommandOf<'triage'>): Verdict {
  const routing = { slaPolicyId: command.slaPolicyId, queueId: command.queueId, contractId: command.contractId };
  return accepted(command.tamEmail === undefined ? { type: 'ticket-triaged', ...routing } : { type: 'ticket-triaged', ...routing, tamEmail: command.tamEmail });
}

/** The reason is derived, not asked for: a first engineer is `initial`, any later one a reassignment. */
export function decideAssignment(ticket: Ticket, command: CommandOf<'assign'>): Verdict {
  if (ticket.assignee?.engineerId === command.engineer.engineerId) {
    return rejected('invalid-command', `${command.engineer.name} is already assigned`);
  }
  return accepted({ type: 'engineer-assigned', engineer: command.engineer, reason: ticket.assignee ? 'reassignment' : 'initial' });
}
