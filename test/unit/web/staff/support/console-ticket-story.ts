/**
 * The console's ticket page driven without a host: sessions of people on the sample roster (and
 * the sample organisation's TAM, who is not on it), and a ticket service kept in memory that
 * decides and evolves through the domain exactly as the real one does, minus the store.
 */
import { HttpRequest } from '@azure/functions';
import type { StaffPrincipal } from '../../../../../shared/auth/staff-token';
import type { Command } from '../../../../../shared/domain/commands/commands';
import { decide } from '../../../../../shared/domain/commands/decide';
import { evolve } from '../../../../../shared/domain/commands/evolve';
import { OrgConfigSchema } from '../../../../../shared/domain/org/org-config';
import { sampleOrgConfig } from '../../../../../shared/domain/org/sample/sample-org';
import type { Ticket } from '../../../../../shared/domain/ticket/ticket';
import type { TimelineEvent } from '../../../../../shared/domain/timeline/timeline-event';
import type { FunctionsLogger } from '../../../../../shared/logging/structured-log';
import type { ApplyResult } from '../../../../../shared/ticket-service/apply-to-ticket';
import type { StaffSession } from '../../../../../shared/web/staff/staff-session';
import type { StaffTicketPagePort } from '../../../../../shared/web/staff/ticket/staff-ticket-handlers';

export const org = OrgConfigSchema.parse(sampleOrgConfig);

/** A person of the sample roster, signed in under their roster id (the local issuer's identity). */
export function rosterPrincipal(engineerId: string): StaffPrincipal {
  const engineer = org.roster.engineers.find((candidate) => candidate.id === engineerId);
  if (engineer === undefined) throw new Error(`${engineerId} is not on the sample roster`);
  return { id: engineer.id, name: engineer.name, email: engineer.email, roles: [engineer.role] };
}

/** Contoso's TAM in the sample organisation: a TAM is not on the engineers' roster. */
export const TAM: StaffPrincipal = { id: 'tom-reyes', name: 'Tom Reyes', email: 'tom.reyes@css.example', roles: ['tam'] };

export const CSRF_TOKEN = 'csrf-token-of-this-session';

export function sessionOf(principal: StaffPrincipal): StaffSession {
  return { principal, csrfToken: CSRF_TOKEN, expiresAt: '2026-11-24T16:00:00.000Z' };
}

export const silentLogger: FunctionsLogger = { trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

export interface InMemoryTickets extends StaffTicketPagePort {
  current(): Ticket;
  /** The commands the page handed to the service, as the domain received them. */
  readonly issued: Command[];
  /** The command ids the page named its commands by, one per call. */
  readonly commandIds: (string | undefined)[];
  /** Another writer changes the ticket, as a colleague or Baton's lifecycle would. */
  changeBehind(command: Command): void;
}

function applied(ticket: Ticket, command: Command, now: string): { ticket: Ticket; events: TimelineEvent[] } | { rejected: ApplyResult } {
  const decision = decide(ticket, command, now, { lifecycle: org.lifecycle });
  if (!decision.ok) return { rejected: { kind: 'rejected', rejection: decision.rejection, ticket } };
  return { ticket: decision.events.reduce(evolve, ticket), events: decision.events };
}

export function inMemoryTickets(initial: Ticket, now: string): InMemoryTickets {
  let ticket = initial;
  const issued: Command[] = [];
  const commandIds: (string | undefined)[] = [];
  // As the ticket service does: a command id applied before is answered with what it appended then.
  const appliedById = new Map<string, TimelineEvent[]>();
  return {
    issued,
    commandIds,
    current: () => ticket,
    changeBehind(command) {
      const outcome = applied(ticket, command, now);
      if ('rejected' in outcome) throw new Error(`${command.type} was rejected`);
      ticket = outcome.ticket;
    },
    readTicket: async (number) => (number === ticket.ticketNumber ? { kind: 'found', ticket, stored: { ...ticket, appliedCommands: [] }, etag: '"1"' } : { kind: 'not-found' }),
    orgConfig: async () => ({ kind: 'loaded', config: org }),
    now: () => now,
    async applyToTicket(number, decideCommands, at, options = {}) {
      if (number !== ticket.ticketNumber) return { kind: 'not-found' };
      commandIds.push(options.commandId);
      const earlier = options.commandId === undefined ? undefined : appliedById.get(options.commandId);
      if (earlier !== undefined) return { kind: 'applied', ticket, events: earlier, replayed: true, notifications: { enqueued: [], alreadyEnqueued: [], failed: [], undeliverable: [] } };
      const decided = decideCommands(ticket);
      const commands = decided === null ? [] : Array.isArray(decided) ? decided : [decided as Command];
      let next = ticket;
      const events: TimelineEvent[] = [];
      for (const command of commands) {
        issued.push(command);
        const outcome = applied(next, command, at);
        if ('rejected' in outcome) return outcome.rejected;
        next = outcome.ticket;
        events.push(...outcome.events);
      }
      ticket = next;
      if (options.commandId !== undefined) appliedById.set(options.commandId, events);
      return { kind: 'applied', ticket, events, replayed: false, notifications: { enqueued: [], alreadyEnqueued: [], failed: [], undeliverable: [] } };
    },
  };
}

export function pageRequest(ticketNumber: string, init: { method?: 'GET' | 'POST'; query?: string; form?: Record<string, string> } = {}): HttpRequest {
  const body = init.form === undefined ? undefined : new URLSearchParams(init.form).toString();
  return new HttpRequest({
    url: `http://localhost/staff/tickets/${ticketNumber}${init.query === undefined ? '' : `?${init.query}`}`,
    method: init.method ?? 'GET',
    headers: body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' },
    params: { ticketNumber },
    ...(body === undefined ? {} : { body: { string: body } }),
  });
}
