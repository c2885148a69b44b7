/**
 * One turn of the lifecycle, worked out before anything is written: the agenda's commands are
 * decided and evolved in memory, then the agenda of the ticket they leave is asked in its turn,
 * until nothing a command stands for is due. So a received ticket is validated, triaged and
 * assigned in one write, and the last agenda asked is the one the lifecycle sleeps on: each state
 * of the ticket has its agenda computed once.
 *
 * Choosing an engineer needs the engineers' loads, which the shell reads from the store only when
 * someone is to be chosen: the turn stops before such a state without them, and the shell
 * continues it from there once it has them.
 */
import type { Command } from '../commands/commands';
import { decide } from '../commands/decide';
import { evolve } from '../commands/evolve';
import type { Instant } from '../primitives';
import type { OrgConfig } from '../org/org-config';
import type { Ticket } from '../ticket/ticket';
import { agendaCommands } from './agenda-commands';
import type { Agenda } from './agenda-item';
import { handoffDue } from './follow-the-sun';
import { needsAnOwner, type OpenTicketLoad } from './staffing';
import { ticketAgenda } from './ticket-agenda';

export type AgendaTurn =
  /** `commands` take the ticket to `ticket`, on whose `agenda` nothing a command stands for is due. */
  | { readonly kind: 'settled'; readonly commands: readonly Command[]; readonly ticket: Ticket; readonly agenda: Agenda }
  /** `commands` take the ticket to `ticket`, where someone is to be chosen: continue with the loads. */
  | { readonly kind: 'needs-engineer-loads'; readonly commands: readonly Command[]; readonly ticket: Ticket };

/** Validation, assignment and a closure settle within a few states; a bound keeps a bug from looping. */
const MAX_STATES = 6;

/** Whether the agenda of the ticket as it stands will choose an owner, and so needs the loads. */
export function choosesAnOwner(ticket: Ticket, org: OrgConfig, now: Instant): boolean {
  return needsAnOwner(ticket, org, now) || handoffDue(ticket, org, now);
}

/** `earlier`: the commands of the same turn already decided on the way to `ticket`. */
export function agendaTurn(ticket: Ticket, org: OrgConfig, now: Instant, load: OpenTicketLoad | undefined, earlier: readonly Command[] = []): AgendaTurn {
  let current = ticket;
  const commands = [...earlier];
  for (let state = 1; ; state += 1) {
    if (load === undefined && choosesAnOwner(current, org, now)) return { kind: 'needs-engineer-loads', commands, ticket: current };
    const agenda = ticketAgenda(current, org, now, load);
    const due = agenda.due.flatMap(agendaCommands);
    const next = state < MAX_STATES && due.length > 0 ? decidedAll(current, due, now, org) : undefined;
    if (next === undefined) return { kind: 'settled', commands, ticket: current, agenda };
    commands.push(...due);
    current = next;
  }
}

/**
 * The ticket after every command, or undefined if the domain refuses one: the agenda proposes only
 * what the domain accepts, so a refusal is left for the write to report rather than hidden here.
 */
function decidedAll(ticket: Ticket, commands: readonly Command[], now: Instant, org: OrgConfig): Ticket | undefined {
  let current = ticket;
  for (const command of commands) {
    const decision = decide(current, command, now, { lifecycle: org.lifecycle });
    if (!decision.ok) return undefined;
    current = decision.events.reduce(evolve, current);
  }
  return current;
}
