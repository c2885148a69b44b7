/**
 * Who a staff member acts as on a command: the role the matrix lets them use (a person may hold
 * several), and their roster identity when they have one, so "only the assignee" rules compare
 * the roster's engineer id, not the identity provider's opaque object id. A staff member is matched
 * to the roster by that immutable id (`oid`, else `sub`) only: the email claim is display data,
 * and a token that merely carries an engineer's address never acts as that engineer.
 */
import { StaffRoleSchema, type StaffPrincipal, type StaffRole } from '../auth/staff-token';
import { mayIssue } from '../domain/commands/command-roles';
import type { CommandType } from '../domain/commands/commands';
import { engineerIdentity, type Engineer } from '../domain/roster/roster';
import type { Actor } from '../domain/ticket/actor';

/** Broadest authority first: a team lead who is also an engineer is not held to "assignee only". */
const ROLE_BREADTH: Readonly<Record<StaffRole, number>> = { 'team-lead': 4, admin: 3, engineer: 2, tam: 1 };
const ROLE_PREFERENCE: readonly StaffRole[] = [...StaffRoleSchema.options].sort((a, b) => ROLE_BREADTH[b] - ROLE_BREADTH[a]);

export function actingRole(roles: readonly StaffRole[], command: CommandType): StaffRole {
  const held = ROLE_PREFERENCE.filter((role) => roles.includes(role));
  // With no permitted role the first one held is used, and the domain rejects with its own reason.
  return held.find((role) => mayIssue(role, command)) ?? held[0] ?? 'tam';
}

export function rosterEngineerOf(principal: StaffPrincipal, engineers: readonly Engineer[]): Engineer | undefined {
  return engineers.find((engineer) => engineerIdentity(engineer) === principal.id);
}

export function staffActor(principal: StaffPrincipal, command: CommandType, engineers: readonly Engineer[]): Actor {
  const engineer = rosterEngineerOf(principal, engineers);
  return {
    role: actingRole(principal.roles, command),
    id: (engineer?.id ?? principal.id).slice(0, 254),
    name: (engineer?.name ?? principal.name).trim().slice(0, 120) || 'staff',
  };
}
