/**
 * Follow-the-sun: when the assignee's shift ends, the ticket goes to a skilled engineer of the next
 * region on shift, with a brief; and the stall rule, which calls in the queue's team lead once the
 * handoffs without a customer-visible update reach the organisation's threshold.
 */
import type { Instant } from '../primitives';
import type { OrgConfig } from '../org/org-config';
import { nextRegionOnShift } from '../roster/handoff-order';
import { engineerShiftEnd, onShift } from '../roster/region-shifts';
import type { SlaClock } from '../sla/sla-clock';
import type { EngineerRef } from '../ticket/engineer-ref';
import type { Ticket } from '../ticket/ticket';
import type { TicketStatus } from '../ticket/ticket-status';
import { buildHandoffBrief } from '../handoff/build-handoff-brief';
import { handoffStallEscalation } from '../handoff/handoff-stall';
import type { AgendaPart } from './agenda-item';
import { NOTHING_DUE } from './agenda-item';
import { assignmentRequestFor, type OpenTicketLoad } from './assignee-search';
import { staffedOr } from './staffing';
import { followsTheSun, queueLeadOf } from './ticket-setting';

/**
 * Statuses in which someone must be actively working the ticket. While it waits on the customer
 * or on their answer to a proposed resolution nobody owes them anything, so nothing moves (and
 * such quiet shifts do not count towards a stall).
 */
const WORKED_STATUSES: readonly TicketStatus[] = ['assigned', 'investigating', 'escalated-to-vendor'];

/** The assignee of a ticket that follows the sun, while someone works it; undefined otherwise. */
function sunFollowingAssignee(ticket: Ticket, org: OrgConfig): EngineerRef | undefined {
  const assignee = ticket.assignee;
  return assignee !== undefined && WORKED_STATUSES.includes(ticket.status) && followsTheSun(ticket, org) ? assignee : undefined;
}

/** The assignee's shift is over: the next owner is to be chosen (the agenda needs the engineers' loads). */
export function handoffDue(ticket: Ticket, org: OrgConfig, now: Instant): boolean {
  const assignee = sunFollowingAssignee(ticket, org);
  return assignee !== undefined && !onShift(org.roster, assignee.engineerId, now, '24x7');
}

export function handoffAgenda(ticket: Ticket, org: OrgConfig, now: Instant, load: OpenTicketLoad, clocks: readonly SlaClock[]): AgendaPart {
  const assignee = sunFollowingAssignee(ticket, org);
  if (assignee === undefined) return NOTHING_DUE;
  // The assignee's own hours, not their region's: on a weekend only some of a region are on call.
  if (!handoffDue(ticket, org, now)) return { due: [], wakeAt: [engineerShiftEnd(org.roster, assignee.engineerId, now, '24x7')] };
  // The sun moves on: anyone but the engineer going off shift, in the next region at work.
  const request = assignmentRequestFor(ticket, org, now, load, {
    excluding: assignee.engineerId,
    preferringRegion: nextRegionOnShift(org.roster, assignee.region, now, '24x7'),
    coverage: '24x7',
  });
  if (request === undefined) return NOTHING_DUE;
  const brief = buildHandoffBrief({ ticket, sla: clocks, stallThreshold: org.lifecycle.handoffStallThreshold });
  return staffedOr(request, ticket, org, (to) => ({ kind: 'handoff', to, brief }));
}

/**
 * The domain's stall rule, counting the handoff about to happen, so that the third empty handoff
 * and the call to the lead land in the same turn.
 */
export function stallAgenda(ticket: Ticket, org: OrgConfig, handoffDue: boolean): AgendaPart {
  const lead = queueLeadOf(ticket, org);
  // Stryker disable next-line ConditionalExpression: a validated queue's lead is on the roster, so only a ticket without a queue has none, and it is never handed off
  if (lead === undefined) return NOTHING_DUE;
  const counted = { ...ticket, handoffsSinceCustomerUpdate: ticket.handoffsSinceCustomerUpdate + (handoffDue ? 1 : 0) };
  const escalation = handoffStallEscalation(counted, org.lifecycle.handoffStallThreshold, lead);
  // Stryker disable next-line ArrayDeclaration: the agenda wakes only for instants (see earliestAfter), so no entry and a non-instant are alike
  return escalation === undefined ? NOTHING_DUE : { due: [{ kind: 'stall-escalation', lead, reason: escalation.reason }], wakeAt: [] };
}
