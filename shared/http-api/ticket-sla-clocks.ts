/**
 * The three SLA clocks of a ticket as they stand now, recomputed from its timeline by the SLA
 * engine (never stored), so what a view shows always agrees with the alerts the lifecycle raises.
 */
import { slaHistoryFromTimeline } from '../domain/sla/sla-history-from-timeline';
import type { OrgConfig } from '../domain/org/org-config';
import type { Instant } from '../domain/primitives';
import type { SlaClock } from '../domain/sla/sla-clock';
import { slaClocks } from '../domain/sla/sla-clocks';
import type { Ticket } from '../domain/ticket/ticket';

export type SlaOrg = Pick<OrgConfig, 'slaPolicies' | 'calendars'>;

/** Empty until triage has given the ticket an SLA policy (and when the policy cannot be evaluated). */
export function ticketSlaClocks(ticket: Ticket, org: SlaOrg, now: Instant): readonly SlaClock[] {
  const policy = org.slaPolicies.find((candidate) => candidate.id === ticket.slaPolicyId);
  const history = slaHistoryFromTimeline(ticket);
  if (policy === undefined || history === undefined) return [];
  const result = slaClocks({ history, policy, calendars: org.calendars, now });
  return result.ok ? result.clocks : [];
}
