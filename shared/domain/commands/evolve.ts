/**
 * The ticket as a projection of its timeline: `evolve` appends one event and derives every field
 * from it; `ticketFromTimeline` replays a whole record. Total and pure: an event that makes no
 * sense in the current state is still recorded, it just changes nothing else.
 */
import { Severity } from '../primitives';
import { Ticket, Closure } from '../ticket/ticket';
import { TicketStatus } from '../ticket/ticket-status';
import { isVendorCaseActive } from '../ticket/vendor-case';
import { isCustomerVisibleUpdate } from '../timeline/customer-visible-update';
import { TicketReceived } from '../timeline/intake-events';
import { TimelineEvent, TimelineEventOf } from '../timeline/timeline-event';

/** The ticket as it is the moment it arrives. */
export function ticketFromReceipt(event: TicketReceived): Ticket {
  const { channel, requester, ...fields } = event.intake;
  return {
    ...fields,
    id: event.ticketNumber,
    ticketNumber: event.ticketNumber,
    channel,
    requester: { ...requester },
    requesterEmail: requester.email.toLowerCase(),
    status: 'received',
    handoffsSinceCustomerUpdate: 0,
    raisedAlertKeys: [],
    accessTokenHash: event.accessTokenHash,
    timeline: [event],
    createdAt: event.at,
    updatedAt: event.at,
  };
}

export function evolve(ticket: Ticket, event: TimelineEvent): Ticket {
  return evolveFields({ ...ticket, timeline: [...ticket.timeline, event] }, event);
}

/**
 * Every field but the timeline, which no rule reads: a replay appends the events once at the end
 * instead of copying the growing timeline at each step, so it is linear in their number.
 */
export function evolveFields(ticket: Ticket, event: TimelineEvent): Ticket {
  const applied = applyEvent({ ...ticket, updatedAt: event.at }, event);
  return isCustomerVisibleUpdate(event) ? { ...applied, handoffsSinceCustomerUpdate: 0 } : applied;
}

export type TimelineReplay = { ok: true; ticket: Ticket } | { ok: false; problem: string };

export function ticketFromTimeline(events: readonly TimelineEvent[]): TimelineReplay {
  const [first, ...rest] = events;
  if (first === undefined || first.type !== 'ticket-received') {
    return { ok: false, problem: 'a timeline starts with ticket-received' };
  }
  return { ok: true, ticket: { ...rest.reduce(evolveFields, ticketFromReceipt(first)), timeline: [...events] } };
}

function applyEvent(ticket: Ticket, event: TimelineEvent): Ticket {
  switch (event.type) {
    // Stryker disable next-line StringLiteral: a timeline has one receipt, its first event, which never comes here
    case 'ticket-received':
    case 'no-engineer-available':
    case 'internal-note-added':
    case 'escalated-internally':
    case 'vendor-escalation-requested':
    case 'vendor-case-failed':
    case 'resolution-reminder-sent':
    case 'handoff-acknowledged':
      return ticket;
    case 'validation-started':
      return { ...ticket, status: 'validating' };
    case 'ticket-rejected':
      return close(ticket, 'rejected-at-validation', event.at, event.reasons.map((reason) => reason.message).join('\n'));
    case 'ticket-triaged':
      return triaged(ticket, event);
    case 'engineer-assigned':
      return { ...ticket, assignee: event.engineer, status: movesTo(ticket.status, ['triaged', 'reopened'], 'assigned') };
    case 'acknowledged':
    case 'agent-responded':
      return { ...ticket, status: movesTo(ticket.status, ['assigned', 'reopened'], 'investigating') };
    case 'info-requested':
      return { ...ticket, status: 'awaiting-customer' };
    case 'customer-replied':
      return customerReplied(ticket);
    case 'severity-raised':
      return withoutField({ ...ticket, severity: event.to }, 'pendingDowngrade');
    case 'severity-downgrade-proposed':
      return { ...ticket, pendingDowngrade: { to: event.to, reason: event.reason, proposedBy: event.actor, proposedAt: event.at } };
    case 'severity-downgrade-consented':
      return withoutField(withSeverity(ticket, event.to), 'pendingDowngrade');
    case 'severity-downgrade-refused':
      return withoutField(ticket, 'pendingDowngrade');
    case 'vendor-case-opened':
      return {
        ...ticket,
        vendorCase: { caseId: event.caseId, openedAt: event.at, status: 'open' },
        // Waiting on the customer stays so; their reply then brings the ticket to the vendor stage.
        status: ticket.status === 'awaiting-customer' ? ticket.status : 'escalated-to-vendor',
      };
    case 'vendor-updated':
      return vendorUpdated(ticket, event);
    case 'vendor-followed-up':
      return ticket.vendorCase ? { ...ticket, vendorCase: { ...ticket.vendorCase, lastCheckedAt: event.at } } : ticket;
    case 'resolution-proposed':
      return { ...ticket, status: 'resolution-proposed', proposedResolution: { summary: event.summary, at: event.at } };
    case 'resolution-confirmed':
      // Stryker disable next-line OptionalChaining,StringLiteral: a resolution is confirmed or auto-closed only while one is proposed
      return close(ticket, 'confirmed', event.at, ticket.proposedResolution?.summary ?? '');
    case 'auto-closed':
      // Stryker disable next-line OptionalChaining,StringLiteral: see above
      return close(ticket, 'auto-closed', event.at, ticket.proposedResolution?.summary ?? '');
    case 'resolution-rejected':
      return withoutField({ ...ticket, status: backToWork(ticket) }, 'proposedResolution');
    case 'self-closed':
      return close(ticket, 'self-closed', event.at, event.solution);
    case 'closed-not-entitled':
      return close(ticket, 'not-entitled', event.at, event.explanation);
    case 'ticket-reopened':
      return withoutField(withoutField({ ...ticket, status: 'reopened' }, 'closure'), 'proposedResolution');
    case 'handed-off':
      return { ...ticket, handoffsSinceCustomerUpdate: ticket.handoffsSinceCustomerUpdate + 1 };
    case 'sla-warning-raised':
    case 'sla-breached':
      return ticket.raisedAlertKeys.includes(event.key) ? ticket : { ...ticket, raisedAlertKeys: [...ticket.raisedAlertKeys, event.key] };
    case 'attachment-added':
    case 'internal-attachment-added':
      // Stryker disable next-line ArrayDeclaration: a stray element has no id, so no file matches it
      return (ticket.attachments ?? []).some((known) => known.id === event.attachment.id) ? ticket : { ...ticket, attachments: [...(ticket.attachments ?? []), event.attachment] };
  }
}

function triaged(ticket: Ticket, event: TimelineEventOf<'ticket-triaged'>): Ticket {
  const routed: Ticket = { ...ticket, status: 'triaged', slaPolicyId: event.slaPolicyId, queueId: event.queueId, contractId: event.contractId };
  return event.tamEmail === undefined ? routed : { ...routed, tamEmail: event.tamEmail };
}

/** A reply while waiting on the customer, or after a proposed resolution, puts the ticket back to work. */
function customerReplied(ticket: Ticket): Ticket {
  if (ticket.status === 'awaiting-customer') {
    return { ...ticket, status: backToWork(ticket) };
  }
  if (ticket.status === 'resolution-proposed') {
    return withoutField({ ...ticket, status: backToWork(ticket) }, 'proposedResolution');
  }
  return ticket;
}

function vendorUpdated(ticket: Ticket, event: TimelineEventOf<'vendor-updated'>): Ticket {
  const scoped: Ticket = event.scope === undefined ? ticket : { ...ticket, scope: event.scope };
  // Stryker disable next-line ConditionalExpression,BlockStatement: the vendor updates only an open case, so this only narrows the type
  if (!scoped.vendorCase) {
    return scoped;
  }
  const vendorCase = { ...scoped.vendorCase, status: event.status, lastCheckedAt: event.at };
  const status = event.status === 'closed' && scoped.status === 'escalated-to-vendor' ? 'investigating' : scoped.status;
  return { ...scoped, vendorCase, status };
}

function backToWork(ticket: Ticket): TicketStatus {
  return isVendorCaseActive(ticket.vendorCase) ? 'escalated-to-vendor' : 'investigating';
}

function movesTo(current: TicketStatus, from: readonly TicketStatus[], to: TicketStatus): TicketStatus {
  return from.includes(current) ? to : current;
}

function close(ticket: Ticket, reason: Closure['reason'], at: string, summary: string): Ticket {
  const status = reason === 'rejected-at-validation' ? 'rejected' : 'closed';
  return { ...ticket, status, closure: { reason, at, summary } };
}

function withSeverity(ticket: Ticket, severity: Severity): Ticket {
  return { ...ticket, severity };
}

type OptionalTicketField = { [Key in keyof Ticket]-?: undefined extends Ticket[Key] ? Key : never }[keyof Ticket];

/** Drops a field instead of setting it to undefined, so a stored ticket and its replay compare equal. */
function withoutField(ticket: Ticket, field: OptionalTicketField): Ticket {
  const copy = { ...ticket };
  delete copy[field];
  return copy;
}
