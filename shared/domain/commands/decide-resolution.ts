/**
 * Decisions on how a ticket ends: the customer's answer to a proposed resolution, the reminder
 * and auto-closure after the quiet period, and reopening within the window.
 */
import { Instant } from '../primitives';
import { ClosureReason, ProposedResolution, Ticket } from '../ticket/ticket';
import { DecisionContext } from './decision-context';
import { accepted, rejected, Verdict } from './decision';
import { instantPlus, isAtOrAfter, isBefore } from './instants';

type ProposalQuiet = { readonly quiet: true; readonly proposal: ProposedResolution } | { readonly quiet: false; readonly verdict: Verdict };

/** The standing proposal once `days` have passed since it was made; otherwise why it is not time yet. */
function proposalQuietFor(ticket: Ticket, now: Instant, days: number, dueAt: (at: Instant) => string): ProposalQuiet {
  const proposal = ticket.proposedResolution;
  // Stryker disable next-line all: only a ticket whose resolution is proposed comes here, so this only narrows the type
  if (!proposal) return { quiet: false, verdict: rejected('invalid-state', 'no resolution has been proposed') };
  const due = instantPlus(proposal.at, { days });
  if (isBefore(now, due)) return { quiet: false, verdict: rejected('too-early', dueAt(due)) };
  return { quiet: true, proposal };
}

export function decideResolutionReminder(ticket: Ticket, now: Instant, context: DecisionContext): Verdict {
  const quiet = proposalQuietFor(ticket, now, context.lifecycle.resolutionReminderAfterDays, (at) => `the reminder is due at ${at}`);
  if (!quiet.quiet) return quiet.verdict;
  const { proposal } = quiet;
  const alreadyReminded = ticket.timeline.some((event) => event.type === 'resolution-reminder-sent' && isAtOrAfter(event.at, proposal.at));
  if (alreadyReminded) {
    return rejected('invalid-state', 'the requester has already been reminded of this proposal');
  }
  return accepted({ type: 'resolution-reminder-sent' });
}

/** Auto-closure only after the full quiet period: a customer reply ends the proposal altogether. */
export function decideAutoClose(ticket: Ticket, now: Instant, context: DecisionContext): Verdict {
  const quiet = proposalQuietFor(ticket, now, context.lifecycle.autoCloseAfterDays, (at) => `the quiet period ends at ${at}`);
  return quiet.quiet ? accepted({ type: 'auto-closed' }) : quiet.verdict;
}

/** Closures the requester can undo; a rejection or lack of entitlement needs a new ticket. */
const REOPENABLE: readonly ClosureReason[] = ['confirmed', 'auto-closed', 'self-closed'];

export function decideReopen(ticket: Ticket, reason: string, now: Instant, context: DecisionContext): Verdict {
  const closure = ticket.closure;
  if (!closure || !REOPENABLE.includes(closure.reason)) {
    return rejected('invalid-state', 'a ticket closed for lack of entitlement cannot be reopened; please open a new one');
  }
  const windowEnds = instantPlus(closure.at, { days: context.lifecycle.reopenWindowDays });
  if (isBefore(windowEnds, now)) {
    return rejected('window-closed', `the reopen window ended at ${windowEnds}; please open a new ticket`);
  }
  return accepted({ type: 'ticket-reopened', reason });
}
