/**
 * The SLA engine's input, derived from the timeline alone: the current cycle (since receipt or
 * the last reopen), the pauses while the ticket waited on someone else, the customer-visible
 * updates and customer replies, and closure. Any deadline can so be recomputed from the record.
 */
import { Instant } from '../primitives';
import { SlaHistory, SlaPause, SlaPauseReason } from './sla-history';
import { Ticket } from '../ticket/ticket';
import { TicketStatus } from '../ticket/ticket-status';
import { isCustomerVisibleUpdate } from '../timeline/customer-visible-update';
import { TimelineEvent } from '../timeline/timeline-event';
import { evolveFields, ticketFromReceipt } from '../commands/evolve';

const PAUSING_STATUSES: Partial<Record<TicketStatus, SlaPauseReason>> = {
  'awaiting-customer': 'awaiting-customer',
  'resolution-proposed': 'resolution-proposed',
  // Whether waiting on the vendor stops the clock is the SLA policy's call, not the lifecycle's.
  'escalated-to-vendor': 'awaiting-vendor',
};

/** Whether the ticket waits on someone else in this status, so its clocks may stand still. */
export function isSlaPausingStatus(status: TicketStatus): boolean {
  return PAUSING_STATUSES[status] !== undefined;
}

/** Undefined while the ticket has no severity (a chat ticket that validation will reject). */
export function slaHistoryFromTimeline(ticket: Ticket): SlaHistory | undefined {
  if (ticket.severity === undefined) {
    return undefined;
  }
  const statuses = statusAfterEachEvent(ticket.timeline);
  // The last reopen starts the current cycle; without one (-1) it is the whole timeline.
  const lastReopen = ticket.timeline.map((event) => event.type).lastIndexOf('ticket-reopened');
  const cycleStart = Math.max(0, lastReopen);
  const cycle = ticket.timeline.slice(cycleStart);
  const openedAt = ticket.timeline[lastReopen]?.at ?? ticket.createdAt;
  const updates = cycle.filter(isCustomerVisibleUpdate).map((event) => event.at);
  const severityChange = [...cycle].reverse().find((event) => event.type === 'severity-raised' || event.type === 'severity-downgrade-consented');
  // Closure is set while the ticket is closed or rejected and removed by a reopen.
  const closedAt = ticket.closure?.at;
  return {
    openedAt,
    severity: ticket.severity,
    ...(severityChange ? { severitySince: severityChange.at } : {}),
    pauses: pausesOf(cycle, statuses.slice(cycleStart)),
    ...(updates[0] === undefined ? {} : { firstResponseAt: updates[0] }),
    customerVisibleUpdates: updates,
    customerReplies: cycle.filter((event) => event.type === 'customer-replied').map((event) => event.at),
    ...(closedAt === undefined ? {} : { closedAt }),
  };
}

function statusAfterEachEvent(timeline: readonly TimelineEvent[]): TicketStatus[] {
  const [first, ...rest] = timeline;
  if (first === undefined || first.type !== 'ticket-received') {
    // Stryker disable next-line ArrayDeclaration: an unknown status in place of none is not a waiting status either, so it pauses nothing alike
    return [];
  }
  const received = ticketFromReceipt(first);
  const statuses: TicketStatus[] = [received.status];
  rest.reduce((ticket, event) => {
    const next = evolveFields(ticket, event);
    statuses.push(next.status);
    return next;
  }, received);
  return statuses;
}

/** A pause opens when the ticket enters a waiting status and closes when it leaves it. */
function pausesOf(cycle: readonly TimelineEvent[], statuses: readonly TicketStatus[]): SlaPause[] {
  const pauses: SlaPause[] = [];
  let open: { from: Instant; reason: SlaPauseReason } | undefined;
  cycle.forEach((event, index) => {
    const status = statuses[index];
    // Stryker disable next-line ConditionalExpression: looking up an undefined status finds no reason either; the check is for the type
    const reason = status === undefined ? undefined : PAUSING_STATUSES[status];
    if (open && open.reason !== reason) {
      if (open.from !== event.at) {
        pauses.push({ from: open.from, to: event.at, reason: open.reason });
      }
      open = undefined;
    }
    if (!open && reason) {
      open = { from: event.at, reason };
    }
  });
  return open ? [...pauses, { from: open.from, reason: open.reason }] : pauses;
}
