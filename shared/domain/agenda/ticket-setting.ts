/**
 * Where a ticket sits in the organisation's configuration: its SLA policy and calendar, its queue
 * and that queue's lead, and the roster entries behind engineer references.
 */
import type { Calendar } from '../calendar/calendar';
import type { OrgConfig } from '../org/org-config';
import { engineerRefOf } from '../org/team-leads';
import type { Engineer } from '../roster/roster';
import type { Queue, QueueCoverage } from '../routing/queue';
import type { SlaPolicy } from '../sla/sla-policy';
import type { EngineerRef } from '../ticket/engineer-ref';
import type { Ticket } from '../ticket/ticket';

export function slaPolicyOf(ticket: Ticket, org: OrgConfig): SlaPolicy | undefined {
  return org.slaPolicies.find((policy) => policy.id === ticket.slaPolicyId);
}

/** The calendar the ticket's SLA clocks run on at its current severity. */
export function slaCalendarOf(ticket: Ticket, org: OrgConfig): Calendar | undefined {
  const policy = slaPolicyOf(ticket, org);
  if (policy === undefined || ticket.severity === undefined) return undefined;
  const calendarId = policy.targets[ticket.severity].calendarId;
  return org.calendars.find((calendar) => calendar.id === calendarId);
}

/**
 * Only a ticket whose clocks run around the clock follows the sun. On business hours the clocks
 * stop when the shift does, so the ticket waits for its engineer's next shift instead of
 * bouncing around the world.
 */
export function followsTheSun(ticket: Ticket, org: OrgConfig): boolean {
  return slaCalendarOf(ticket, org)?.kind === '24x7';
}

/** Engineers on call take only work that runs around the clock; the rest waits for a shift. */
export function workCoverage(ticket: Ticket, org: OrgConfig): QueueCoverage {
  return followsTheSun(ticket, org) ? '24x7' : 'business-hours';
}

export function queueOf(ticket: Ticket, org: OrgConfig): Queue | undefined {
  return org.queues.find((queue) => queue.id === ticket.queueId);
}

export function rosteredEngineer(org: OrgConfig, engineerId: string): Engineer | undefined {
  return org.roster.engineers.find((engineer) => engineer.id === engineerId);
}

export function queueLeadOf(ticket: Ticket, org: OrgConfig): EngineerRef | undefined {
  const queue = queueOf(ticket, org);
  const lead = queue === undefined ? undefined : rosteredEngineer(org, queue.leadEngineerId);
  return lead === undefined ? undefined : engineerRefOf(lead);
}
