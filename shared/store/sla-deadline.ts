/**
 * The instant a queue view sorts by: the earliest SLA due instant among the clocks still counting
 * (a breached one lies in the past and so comes first). Tickets with no running clock (not yet
 * triaged, waiting on the customer, closed) sort last, under a far-future stand-in, because a
 * Cosmos ORDER BY leaves out documents that lack the property.
 */
import type { Instant } from '../domain/primitives';
import type { OrgConfig } from '../domain/org/org-config';
import { slaHistoryFromTimeline } from '../domain/sla/sla-history-from-timeline';
import { slaClocks } from '../domain/sla/sla-clocks';
import type { Ticket } from '../domain/ticket/ticket';

export const NO_SLA_DEADLINE: Instant = '9999-12-31T23:59:59.999Z';

export type SlaDeadlineOrg = Pick<OrgConfig, 'slaPolicies' | 'calendars'>;

export function slaNextDueAt(ticket: Ticket, org: SlaDeadlineOrg | undefined, now: Instant): Instant {
  const policy = org?.slaPolicies.find((candidate) => candidate.id === ticket.slaPolicyId);
  const history = slaHistoryFromTimeline(ticket);
  if (org === undefined || policy === undefined || history === undefined) return NO_SLA_DEADLINE;
  const clocks = slaClocks({ history, policy, calendars: org.calendars, now });
  if (!clocks.ok) return NO_SLA_DEADLINE;
  const due = clocks.clocks
    .filter((clock) => clock.stoppedAt === undefined && (clock.state === 'running' || clock.state === 'breached'))
    .flatMap((clock) => (clock.dueAt === undefined ? [] : [Date.parse(clock.dueAt)]));
  return due.length === 0 ? NO_SLA_DEADLINE : new Date(Math.min(...due)).toISOString();
}

/** The deadline as people should read it: absent rather than the year 9999. */
export function displayedSlaDeadline(ticket: Pick<Ticket, 'slaNextDueAt'>): Instant | undefined {
  return ticket.slaNextDueAt === undefined || ticket.slaNextDueAt === NO_SLA_DEADLINE ? undefined : ticket.slaNextDueAt;
}
