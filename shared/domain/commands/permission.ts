/**
 * Whether this actor may issue this command on this ticket: the role matrix first, then who they
 * are (an engineer acting on someone else's ticket, a requester on someone else's).
 */
import { Ticket } from '../ticket/ticket';
import { ASSIGNEE_ONLY_FOR_ENGINEERS, mayIssue } from './command-roles';
import { Command } from './commands';
import { Rejection } from './decision';

export function permissionProblem(ticket: Ticket, command: Command): Rejection | undefined {
  const actor = command.actor;
  if (!mayIssue(actor.role, command.type)) {
    return { code: 'forbidden', message: `a ${actor.role} cannot ${command.type.replace(/-/g, ' ')}` };
  }
  if (actor.role === 'engineer' && ASSIGNEE_ONLY_FOR_ENGINEERS.includes(command.type) && actor.id !== ticket.assignee?.engineerId) {
    return { code: 'forbidden', message: 'only the assigned engineer (or a team lead) can do this' };
  }
  // The edge authenticates the requester by the ticket's access token; an id, when given, must match.
  if (actor.role === 'requester' && actor.id !== undefined && actor.id.toLowerCase() !== ticket.requesterEmail) {
    return { code: 'forbidden', message: "only the ticket's requester can do this" };
  }
  return undefined;
}
