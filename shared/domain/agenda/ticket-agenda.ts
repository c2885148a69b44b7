/**
 * The ticket's agenda: what Baton itself must do on it now, and when to look again. Pure: the
 * ticket, the organisation's configuration, the time and the engineers' loads in, the due items
 * and the next instant at which something falls due out. The orchestrator sleeps until then (or
 * until someone changes the ticket), and every turn asks again from the stored ticket.
 */
import type { Instant } from '../primitives';
import type { OrgConfig } from '../org/org-config';
import type { Ticket } from '../ticket/ticket';
import type { Agenda, AgendaItem, AgendaPart } from './agenda-item';
import { handoffAgenda, stallAgenda } from './follow-the-sun';
import { lifecycleEndAgenda, resolutionAgenda } from './resolution-agenda';
import { slaAgenda, ticketClocks } from './sla-agenda';
import { type OpenTicketLoad, staffingAgenda } from './staffing';
import { validationAgenda } from './validation-agenda';
import { vendorAgenda } from './vendor-agenda';

export type { OpenTicketLoad } from './staffing';

/** Items that close the ticket: whatever else was due about its work no longer applies. */
const CLOSING_KINDS: readonly AgendaItem['kind'][] = ['auto-close', 'not-entitled'];
const WORK_KINDS: readonly AgendaItem['kind'][] = ['assign', 'no-engineer', 'handoff', 'stall-escalation', 'raise-vendor-case', 'vendor-follow-up'];

export function ticketAgenda(ticket: Ticket, org: OrgConfig, now: Instant, load: OpenTicketLoad = {}): Agenda {
  const ending = lifecycleEndAgenda(ticket, org, now);
  if (ending.due.length > 0) return { due: [...ending.due] };
  const validation = validationAgenda(ticket, org, now);
  if (validation.due.length > 0) return { due: [...validation.due] };
  const clocks = ticketClocks(ticket, org, now);
  const handoff = handoffAgenda(ticket, org, now, load, clocks);
  const parts: AgendaPart[] = [
    staffingAgenda(ticket, org, now, load),
    slaAgenda(ticket, clocks, now),
    handoff,
    stallAgenda(ticket, org, handoff.due.some((item) => item.kind === 'handoff')),
    vendorAgenda(ticket, org, now),
    resolutionAgenda(ticket, org, now),
    ending,
  ];
  const due = parts.flatMap((part) => part.due);
  const closing = due.some((item) => CLOSING_KINDS.includes(item.kind));
  const nextWakeAt = earliestAfter(now, parts.flatMap((part) => part.wakeAt));
  return {
    due: closing ? due.filter((item) => !WORK_KINDS.includes(item.kind)) : due,
    ...(nextWakeAt === undefined ? {} : { nextWakeAt }),
  };
}

/** The earliest of the instants strictly after `now`; those already past are due items instead. */
export function earliestAfter(now: Instant, instants: readonly (Instant | undefined)[]): Instant | undefined {
  const nowMs = Date.parse(now);
  // Stryker disable next-line MethodExpression,ConditionalExpression: an undefined instant parses to NaN, which no comparison below keeps, so
  // dropping the check (or the filter) changes nothing; its other replacement, dropping every instant, is one Stryker cannot tell apart
  const given = instants.filter((instant): instant is Instant => instant !== undefined).map(Date.parse);
  const future = given.filter((ms) => ms > nowMs);
  return future.length === 0 ? undefined : new Date(Math.min(...future)).toISOString();
}
