/**
 * How the agenda asks routing for an engineer. Staffing a ticket and handing it off share its
 * queue, product area, roster and load; they differ only in whom they rule out, which region they
 * favour and whose hours count, so each caller must state all three and nothing else can drift.
 */
import type { Instant, Region } from '../primitives';
import type { OrgConfig } from '../org/org-config';
import type { AssignmentRequest } from '../routing/choose-assignee';
import type { QueueCoverage } from '../routing/queue';
import type { Ticket } from '../ticket/ticket';
import { queueOf } from './ticket-setting';

/** Open tickets per engineer id, for load balancing; an engineer not listed carries none. */
export type OpenTicketLoad = Readonly<Record<string, number>>;

/**
 * What sets one search for an owner apart from another. Every field is required, even when it is
 * undefined, so that a caller cannot leave a rule out by forgetting it.
 */
export type AssigneeSearch = {
  /** The engineer who must not get the ticket: its previous owner, or the one handing it off. */
  readonly excluding: string | undefined;
  /** The region to keep the ticket in when someone there qualifies. */
  readonly preferringRegion: Region | undefined;
  /** Whose hours count: the shifts the ticket's own SLA runs on, or on call around the clock too. */
  readonly coverage: QueueCoverage;
};

/** The request for `chooseAssignee`, or undefined while the ticket has no queue or product area. */
export function assignmentRequestFor(
  ticket: Ticket,
  org: OrgConfig,
  now: Instant,
  load: OpenTicketLoad,
  search: AssigneeSearch,
): AssignmentRequest | undefined {
  const queue = queueOf(ticket, org);
  const productArea = ticket.productArea;
  if (queue === undefined || productArea === undefined) return undefined;
  return {
    roster: org.roster,
    queue,
    productArea,
    at: now,
    openTicketLoad: load,
    ...(search.excluding === undefined ? {} : { excludeEngineerIds: [search.excluding] }),
    // Stryker disable next-line ConditionalExpression: routing reads an undefined preferred region as none
    ...(search.preferringRegion === undefined ? {} : { preferRegion: search.preferringRegion }),
    coverage: search.coverage,
  };
}
