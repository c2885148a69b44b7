/**
 * The end of a ticket's life on the agenda: the reminder and auto-closure after a proposed
 * resolution meets silence, and the end of the orchestration once nothing more can happen (a
 * rejected or not-entitled ticket at once, a closed one when its reopen window ends).
 */
import { instantPlus, isAtOrAfter } from '../commands/instants';
import type { Instant } from '../primitives';
import type { OrgConfig } from '../org/org-config';
import type { Ticket } from '../ticket/ticket';
import type { AgendaItem, AgendaPart } from './agenda-item';
import { NOTHING_DUE } from './agenda-item';

export function resolutionAgenda(ticket: Ticket, org: OrgConfig, now: Instant): AgendaPart {
  const proposal = ticket.proposedResolution;
  // Stryker disable next-line ConditionalExpression: a ticket has a proposed resolution exactly while it is in resolution-proposed
  if (ticket.status !== 'resolution-proposed' || proposal === undefined) return NOTHING_DUE;
  const remindAt = instantPlus(proposal.at, { days: org.lifecycle.resolutionReminderAfterDays });
  const closeAt = instantPlus(proposal.at, { days: org.lifecycle.autoCloseAfterDays });
  const reminded = ticket.timeline.some((event) => event.type === 'resolution-reminder-sent' && isAtOrAfter(event.at, proposal.at));
  const due: AgendaItem[] = [];
  if (!reminded && isAtOrAfter(now, remindAt)) due.push({ kind: 'resolution-reminder' });
  if (isAtOrAfter(now, closeAt)) due.push({ kind: 'auto-close' });
  return { due, wakeAt: [reminded ? undefined : remindAt, closeAt] };
}

/** Reopenable closures keep the ticket alive for the window; the others end it at once. */
const REOPENABLE = ['confirmed', 'auto-closed', 'self-closed'];

export function lifecycleEndAgenda(ticket: Ticket, org: OrgConfig, now: Instant): AgendaPart {
  if (ticket.status === 'rejected') return { due: [{ kind: 'lifecycle-ends', reason: 'rejected' }], wakeAt: [] };
  const closure = ticket.closure;
  // Stryker disable next-line LogicalOperator,ConditionalExpression: a ticket has a closure exactly while it is closed (a reopen clears it), rejection aside
  if (ticket.status !== 'closed' || closure === undefined) return NOTHING_DUE;
  if (!REOPENABLE.includes(closure.reason)) return { due: [{ kind: 'lifecycle-ends', reason: 'not-entitled' }], wakeAt: [] };
  // A reopen is still accepted at the window's last instant (see decideReopen), so the end comes just after.
  const windowEnds = instantPlus(closure.at, { days: org.lifecycle.reopenWindowDays });
  const over = Date.parse(now) > Date.parse(windowEnds);
  return over ? { due: [{ kind: 'lifecycle-ends', reason: 'reopen-window-ended' }], wakeAt: [] } : { due: [], wakeAt: [justAfter(windowEnds)] };
}

function justAfter(instant: Instant): Instant {
  return new Date(Date.parse(instant) + 1000).toISOString();
}
