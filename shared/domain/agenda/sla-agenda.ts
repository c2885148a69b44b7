/**
 * SLA alerts on the agenda: the ticket's clocks from its own timeline, the warnings and breaches
 * due now that are not yet on the record (each key once per metric cycle), and when the next one
 * falls due.
 */
import { COMMAND_STATUSES } from '../commands/command-statuses';
import { slaHistoryFromTimeline } from '../sla/sla-history-from-timeline';
import type { Instant } from '../primitives';
import type { OrgConfig } from '../org/org-config';
import { dueSlaAlerts, nextSlaInstant } from '../sla/sla-alerts';
import type { SlaClock } from '../sla/sla-clock';
import { slaClocks } from '../sla/sla-clocks';
import type { Ticket } from '../ticket/ticket';
import type { AgendaPart } from './agenda-item';
import { NOTHING_DUE } from './agenda-item';
import { slaPolicyOf } from './ticket-setting';

/** The three clocks as they stand at `now`; none before triage has chosen a policy. */
export function ticketClocks(ticket: Ticket, org: OrgConfig, now: Instant): readonly SlaClock[] {
  const policy = slaPolicyOf(ticket, org);
  const history = slaHistoryFromTimeline(ticket);
  if (policy === undefined || history === undefined) return [];
  const result = slaClocks({ history, policy, calendars: org.calendars, now });
  return result.ok ? result.clocks : [];
}

export function slaAgenda(ticket: Ticket, clocks: readonly SlaClock[], now: Instant): AgendaPart {
  // Stryker disable next-line ConditionalExpression: before triage no clock runs and closure stops them all; this keeps the agenda to what decide accepts
  if (!COMMAND_STATUSES['raise-sla-alert'].includes(ticket.status)) return NOTHING_DUE;
  const alerts = dueSlaAlerts(clocks, ticket.raisedAlertKeys, now).sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  return { due: alerts.map((alert) => ({ kind: 'sla-alert', alert })), wakeAt: [nextSlaInstant(clocks, ticket.raisedAlertKeys, now)] };
}
