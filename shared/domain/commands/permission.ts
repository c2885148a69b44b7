/**
 * Whether this actor may issue this command on this ticket: the role matrix first, then who they
 * are (an engineer acting on someone else's ticket, a requester on someone else's).
 */
import { Ticket } from '../ticket/ticket';
import { ASSIGNEE_ONLY_FOR_ENGINEERS, mayIssue } from './command-roles';
import { Command } from './commands';
import { Rejection } from './decision';
import type { ActorRole } from '../primitives';

/** Each role as a sentence names it ("an engineer", never "a engineer"). */
const ROLE_IN_A_SENTENCE: Readonly<Record<ActorRole, string>> = {
  requester: 'a requester',
  engineer: 'an engineer',
  'team-lead': 'a team lead',
  tam: 'a TAM',
  admin: 'an admin',
  system: 'the system',
  vendor: 'the vendor',
};

/** Why a role may not run a command, in words people read on a page or in a problem response. */
export function roleMayNotMessage(role: ActorRole, commandType: string): string {
  return `${ROLE_IN_A_SENTENCE[role]} cannot ${commandType.replace(/-/g, ' ')}`;
}

export function permissionProblem(ticket: Ticket, command: Command): Rejection | undefined {
  const actor = command.actor;
  if (!mayIssue(actor.role, command.type)) {
    return { code: 'forbidden', message: roleMayNotMessage(actor.role, command.type) };
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
