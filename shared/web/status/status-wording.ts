/**
 * The words the status page uses for the domain's states: ticket statuses, SLA metrics and clock
 * states, and each kind of customer-visible timeline entry. Records keyed by the domain's enums, so
 * a new status or event type does not compile until it has its words here.
 */
import type { CustomerTimelineEntry } from '../../http-api/customer-timeline';
import type { Region, Severity } from '../../domain/primitives';
import type { SlaClockState, SlaMetric } from '../../domain/sla/sla-clock';
import type { ClosureReason } from '../../domain/ticket/ticket';
import { REQUESTER_STATUS_WORDS } from '../../domain/ticket/status-words';

/** The requester's words for a status, shared with the emails they receive. */
export const STATUS_WORDING = REQUESTER_STATUS_WORDS;

export const METRIC_WORDING: Readonly<Record<SlaMetric, string>> = {
  'first-response': 'First response',
  'next-update': 'Next update',
  resolution: 'Resolution',
};

export const CLOCK_STATE_WORDING: Readonly<Record<SlaClockState, string>> = {
  running: 'Running',
  paused: 'Paused',
  met: 'Met',
  breached: 'Missed',
  'not-started': 'Not started yet',
};

export const REGION_WORDING: Readonly<Record<Region, string>> = {
  AMER: 'Americas (AMER)',
  EMEA: 'Europe, Middle East and Africa (EMEA)',
  APAC: 'Asia-Pacific (APAC)',
};

export const CLOSURE_WORDING: Readonly<Record<ClosureReason, string>> = {
  confirmed: 'You confirmed the solution.',
  'auto-closed': 'Closed after a quiet period without an answer to the proposed solution.',
  'self-closed': 'You closed it with your own solution.',
  'rejected-at-validation': 'Not accepted at validation.',
  'not-entitled': 'Closed: not covered by your support contract.',
};

export function severityWording(severity: Severity): string {
  return `Severity ${severity}`;
}

function assignmentHeadline(engineer: NonNullable<CustomerTimelineEntry['engineer']>): string {
  const who = `${engineer.firstName} (${engineer.region})`;
  switch (engineer.reason) {
    case 'initial':
      return `${who} was assigned to your ticket`;
    case 'handoff':
      return `${who} took over your ticket as the working day moved to ${engineer.region}`;
    case 'reassignment':
      return `${who} took over your ticket`;
  }
}

function byline(entry: CustomerTimelineEntry): string {
  switch (entry.by.role) {
    case 'requester':
      return 'You';
    case 'system':
      return 'The support desk';
    case 'vendor':
      return 'The vendor';
    default:
      return entry.by.name ?? 'Support';
  }
}

/** One line saying what happened; the entry's own words are shown beside it, as text. */
export function timelineHeadline(entry: CustomerTimelineEntry): string {
  const who = byline(entry);
  const severity = entry.severity;
  switch (entry.type) {
    case 'ticket-received':
      return 'Your request was received';
    case 'ticket-rejected':
      return 'Your request could not be accepted';
    case 'engineer-assigned':
      // Past tense: an entry tells what happened then; who the engineer is now, the page says once.
      return entry.engineer === undefined ? 'An engineer was assigned' : assignmentHeadline(entry.engineer);
    case 'acknowledged':
      return `${who} took your ticket`;
    case 'agent-responded':
      return `${who} wrote`;
    case 'info-requested':
      return `${who} asked you a question`;
    case 'customer-replied':
      return `${who} replied`;
    case 'severity-raised':
      return severity === undefined ? 'Severity raised' : `Severity raised from ${severity.from} to ${severity.to}`;
    case 'severity-downgrade-proposed':
      return severity === undefined ? 'A lower severity was proposed' : `${who} proposed lowering the severity from ${severity.from} to ${severity.to}`;
    case 'severity-downgrade-consented':
      return severity === undefined ? 'You agreed to the lower severity' : `You agreed to Severity ${severity.to}`;
    case 'severity-downgrade-refused':
      return severity === undefined ? 'You kept the severity' : `You kept Severity ${severity.from}`;
    case 'vendor-case-opened':
      return entry.vendorCaseId === undefined ? 'A case was opened with the vendor' : `A case was opened with the vendor (${entry.vendorCaseId})`;
    case 'resolution-proposed':
      return `${who} proposed a solution`;
    case 'resolution-confirmed':
      return 'You confirmed the solution';
    case 'resolution-rejected':
      return 'You said the problem is not solved';
    case 'resolution-reminder-sent':
      return 'We reminded you of the proposed solution';
    case 'self-closed':
      return 'You closed the ticket with your own solution';
    case 'auto-closed':
      return 'Closed after a quiet period';
    case 'closed-not-entitled':
      return 'Closed: not covered by your contract';
    case 'ticket-reopened':
      return 'You reopened the ticket';
    case 'attachment-added':
      return `${who} attached a file`;
    default:
      // The view lists customer-visible events only, but its type admits every event type.
      return 'The ticket was updated';
  }
}
