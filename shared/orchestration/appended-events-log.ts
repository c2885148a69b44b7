/**
 * One `ticket.event-appended` log line per timeline event a lifecycle turn appended (SLA warnings
 * and breaches, assignments, handoffs, escalations to a lead, closures): what the Azure alerts and
 * workbook count by the minute, between the five-minute operations snapshots.
 */
import { TIMELINE_EVENT_TYPES, type TimelineEventType } from '../domain/timeline/timeline-event';
import type { EventLog } from '../logging/structured-log';

function isTimelineEventType(step: string): step is TimelineEventType {
  return (TIMELINE_EVENT_TYPES as readonly string[]).includes(step);
}

/** `applied` is a turn's list of what it did; steps that are not timeline events (a vendor follow-up) are left out. */
export function logAppendedEvents(log: EventLog, applied: readonly string[]): void {
  for (const type of applied.filter(isTimelineEventType)) log.info('ticket.event-appended', { type });
}
