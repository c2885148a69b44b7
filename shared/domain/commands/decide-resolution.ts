/**
 * Decisions on how a ticket ends: the customer's answer to a proposed resolution, the reminder
 * and auto-closure after the quiet period, and reopening within the window.
 */
import { Instant } from '../primitives';
import { ClosureReason, Ticket } from '../ticket/ticket';
import { DecisionContext } from './decision-context';
import { accepted, rejected, Verdict } from './decision';
import { instantPlus, isAtOrAfter, isBefore } from './instants';

export function decideResolutionReminder(ticket: Ticket, now: Instant, context: DecisionContext): Verdict {
  const proposal = ticket.proposedResolution;
  if (!proposal) {
    return rejected('invalid-state', 'no resolution has been proposed');
  }
  const reminderAt = instantPlus(proposal.at, { days: context.lifecycle.resolutionReminderAfterDays });
  if (isBefore(now, reminderAt)) {
    return rejected('too-early', `the reminder is due at ${reminderAt}`);
  }
  const alreadyReminded = ticket.timeline.some((event) => event.type === 'resolution-reminder-sent' && isAtOrAfter(event.at, proposal.at));
  if (alreadyReminded) {
    return rejected('invalid-state', 'the requester has already been reminded of this proposal');
  }
  return accepted({ type: 'resolution-reminder-sent' });
}

/** Auto-closure only after the full quiet period: a customer reply ends the proposal altogether. */
export function decideAutoClose(ticket: Ticket, now: Instant, context: DecisionContext): Verdict {
  const proposal = ticket.proposedResolution;
  if (!proposal) {
    return rejected('invalid-state', 'no resolution has been proposed');
  }
  const closesAt = instantPlus(proposal.at, { days: context.lifecycle.autoCloseAfterDays });
  if (isBefore(now, closesAt)) {
    return rejected('too-early', `the quiet period ends at ${closesAt}`);
  }
  return accepted({ type: 'auto-closed' });
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
