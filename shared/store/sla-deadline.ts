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

/**
 * The instants the store keeps beside a ticket for the staff lists: the nearest deadline among the
 * clocks still counting, and the earliest warning instant among them (absent when none warns), so
 * a list of thousands of open tickets can tell running, warning and breached apart without
 * replaying any timeline. Both stay right until the next save, because a counting clock's due and
 * warning instants only move when something happens to the ticket, and every change is a save.
 */
export interface SlaDeadlines {
  readonly nextDueAt: Instant;
  readonly nextWarningAt?: Instant;
}

export function slaDeadlines(ticket: Ticket, org: SlaDeadlineOrg | undefined, now: Instant): SlaDeadlines {
  const policy = org?.slaPolicies.find((candidate) => candidate.id === ticket.slaPolicyId);
  const history = slaHistoryFromTimeline(ticket);
  if (org === undefined || policy === undefined || history === undefined) return { nextDueAt: NO_SLA_DEADLINE };
  const clocks = slaClocks({ history, policy, calendars: org.calendars, now });
  if (!clocks.ok) return { nextDueAt: NO_SLA_DEADLINE };
  const counting = clocks.clocks.filter((clock) => clock.stoppedAt === undefined && (clock.state === 'running' || clock.state === 'breached'));
  const earliest = (instants: readonly (Instant | undefined)[]): Instant | undefined => {
    const times = instants.flatMap((instant) => (instant === undefined ? [] : [Date.parse(instant)]));
    return times.length === 0 ? undefined : new Date(Math.min(...times)).toISOString();
  };
  const nextWarningAt = earliest(counting.map((clock) => clock.warningAt));
  return { nextDueAt: earliest(counting.map((clock) => clock.dueAt)) ?? NO_SLA_DEADLINE, ...(nextWarningAt === undefined ? {} : { nextWarningAt }) };
}

export function slaNextDueAt(ticket: Ticket, org: SlaDeadlineOrg | undefined, now: Instant): Instant {
  return slaDeadlines(ticket, org, now).nextDueAt;
}

/** The deadline as people should read it: absent rather than the year 9999. */
export function displayedSlaDeadline(ticket: Pick<Ticket, 'slaNextDueAt'>): Instant | undefined {
  return ticket.slaNextDueAt === undefined || ticket.slaNextDueAt === NO_SLA_DEADLINE ? undefined : ticket.slaNextDueAt;
}
