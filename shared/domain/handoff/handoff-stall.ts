/**
 * The stall rule: a ticket handed from region to region N times (default 3) without the customer
 * hearing from us is not making progress, so the team lead is called in, once per stall. Any
 * customer-visible update resets the count.
 */
import { SYSTEM_ACTOR } from '../ticket/actor';
import { EngineerRef } from '../ticket/engineer-ref';
import { Ticket } from '../ticket/ticket';
import { isCustomerVisibleUpdate } from '../timeline/customer-visible-update';
import { CommandOf } from '../commands/commands';

export function isHandoffStalled(ticket: Ticket, threshold: number): boolean {
  return ticket.handoffsSinceCustomerUpdate >= threshold;
}

/** The internal escalation the stall calls for, unless one was already made during this stall. */
export function handoffStallEscalation(ticket: Ticket, threshold: number, teamLead: EngineerRef): CommandOf<'escalate-internally'> | undefined {
  if (!isHandoffStalled(ticket, threshold) || alreadyEscalatedThisStall(ticket)) {
    return undefined;
  }
  return {
    type: 'escalate-internally',
    actor: SYSTEM_ACTOR,
    to: teamLead,
    reason: `${String(ticket.handoffsSinceCustomerUpdate)} handoffs without a customer-visible update: the ticket needs a team lead's attention, not another handoff.`,
  };
}

function alreadyEscalatedThisStall(ticket: Ticket): boolean {
  // Stryker disable next-line EqualityOperator: the first event is the ticket's receipt, neither an update nor an escalation
  for (let index = ticket.timeline.length - 1; index >= 0; index -= 1) {
    const event = ticket.timeline[index];
    // Stryker disable next-line ConditionalExpression: `undefined` only narrows the type; an index inside the timeline always finds an event
    if (event === undefined || isCustomerVisibleUpdate(event)) {
      return false;
    }
    if (event.type === 'escalated-internally') {
      return true;
    }
  }
  return false;
}
