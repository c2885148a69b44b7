/**
 * Who works the ticket: the first assignment after triage, a new owner after a reopen when the
 * previous one is off shift, and what happens when nobody qualifies (recorded once, the queue's
 * lead called in, and another look when the next skilled shift starts).
 */
import type { Instant } from '../primitives';
import type { OrgConfig } from '../org/org-config';
import { nextSkilledShiftStart, onShift } from '../roster/region-shifts';
import { chooseAssignee, type AssignmentRequest, type NoAssigneeReason } from '../routing/choose-assignee';
import type { EngineerRef } from '../ticket/engineer-ref';
import type { Ticket } from '../ticket/ticket';
import type { AgendaItem, AgendaPart } from './agenda-item';
import { NOTHING_DUE } from './agenda-item';
import { engineerRefOf } from '../org/team-leads';
import { assignmentRequestFor, type OpenTicketLoad } from './assignee-search';
import { queueLeadOf, rosteredEngineer, slaCalendarOf, workCoverage } from './ticket-setting';

export type { OpenTicketLoad } from './assignee-search';

const NO_ASSIGNEE_EXPLANATIONS: Record<NoAssigneeReason, string> = {
  'product-area-outside-queue': 'the queue does not take this product area',
  'no-skilled-engineer': 'nobody on the roster has the skill for this product area',
  'all-skilled-excluded': 'every skilled engineer was excluded',
  'no-skilled-engineer-on-shift': 'no engineer with the skill is on shift',
  'all-at-capacity': 'every skilled engineer on shift is at capacity',
};

export function staffingAgenda(ticket: Ticket, org: OrgConfig, now: Instant, load: OpenTicketLoad): AgendaPart {
  if (!needsAnOwner(ticket, org, now)) return NOTHING_DUE;
  // A reopened ticket moves on from its previous owner but stays in their region if it can.
  const request = assignmentRequestFor(ticket, org, now, load, {
    excluding: ticket.assignee?.engineerId,
    preferringRegion: ticket.assignee?.region,
    coverage: workCoverage(ticket, org),
  });
  if (request === undefined) return NOTHING_DUE;
  return staffedOr(request, ticket, org, (engineer) => ({ kind: 'assign', engineer }));
}

/**
 * A triaged ticket needs its first engineer (assigning one moves it on, so it has none yet); a
 * reopened one keeps its previous engineer while they are on shift and still on the roster with
 * the skill.
 */
export function needsAnOwner(ticket: Ticket, org: OrgConfig, now: Instant): boolean {
  if (ticket.status === 'triaged') return true;
  if (ticket.status !== 'reopened') return false;
  // Closed by the customer before anyone took it, a reopened ticket has had no engineer.
  const previous = ticket.assignee === undefined ? undefined : rosteredEngineer(org, ticket.assignee.engineerId);
  if (previous === undefined) return true;
  const skilled = previous.skills.some((skill) => skill === ticket.productArea);
  return !(skilled && onShift(org.roster, previous.id, now, workCoverage(ticket, org)));
}

/**
 * The item for the engineer routing chooses, or what to do without one. A ticket on business hours
 * simply waits for the next skilled shift when nobody is on shift now: its clocks are stopped too.
 */
export function staffedOr(request: AssignmentRequest, ticket: Ticket, org: OrgConfig, itemFor: (engineer: EngineerRef) => AgendaItem): AgendaPart {
  const decision = chooseAssignee(request);
  // Stryker disable next-line ArrayDeclaration: the agenda wakes only for instants (see earliestAfter), so no entry and a non-instant are alike
  if (decision.ok) return { due: [itemFor(engineerRefOf(decision.engineer))], wakeAt: [] };
  const wakeAt = [nextSkilledShiftStart(org.roster, request.productArea, request.at, workCoverage(ticket, org))];
  // Stryker disable next-line OptionalChaining: a validated organisation has every calendar its policies name
  const waitsForShift = decision.reason === 'no-skilled-engineer-on-shift' && slaCalendarOf(ticket, org)?.kind === 'business-hours';
  if (waitsForShift || noEngineerAlreadyReported(ticket)) return { due: [], wakeAt };
  const lead = queueLeadOf(ticket, org);
  const reason = `No engineer can take the ticket: ${NO_ASSIGNEE_EXPLANATIONS[decision.reason]}.`;
  // Stryker disable next-line ConditionalExpression: a validated queue's lead is on the roster, and an absent lead and an undefined one serialise alike
  return { due: [{ kind: 'no-engineer', queueId: request.queue.id, reason, ...(lead === undefined ? {} : { lead }) }], wakeAt };
}

/**
 * What starts a new owner's watch: an assignment (a handoff records one too) or a reopen. Nothing
 * can be reported before triage, so the latest of these decides whether it was reported already.
 */
const NEW_OWNER_EVENTS: readonly string[] = ['engineer-assigned', 'ticket-reopened'];

/** Reported once per owner: since the ticket was last (re)assigned or reopened. */
function noEngineerAlreadyReported(ticket: Ticket): boolean {
  const latest = ticket.timeline.filter((event) => event.type === 'no-engineer-available' || NEW_OWNER_EVENTS.includes(event.type)).at(-1);
  return latest?.type === 'no-engineer-available';
}
