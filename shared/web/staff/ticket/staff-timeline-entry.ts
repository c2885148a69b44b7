/**
 * One timeline event as staff read it on the console: a headline, who did it, the words people
 * wrote, and the event's particulars as labelled lines. Pure; one case per event type, so a new
 * type does not compile until the console can say what it means.
 */
import { readableSize } from '../../../domain/attachments/attachment-limits';
import type { Actor } from '../../../domain/ticket/actor';
import type { EngineerRef } from '../../../domain/ticket/engineer-ref';
import type { TimelineEvent } from '../../../domain/timeline/timeline-event';
import { formatInstant } from '../../status/requester-time';
import { METRIC_WORDING } from '../../status/status-wording';

export interface TimelineLine {
  readonly label: string;
  readonly value: string;
}

export interface StaffTimelineWording {
  readonly headline: string;
  /** What a person wrote (message, note, reason, summary), shown as a quotation. */
  readonly text?: string;
  readonly lines: readonly TimelineLine[];
}

export interface StaffTimelineItem extends StaffTimelineWording {
  readonly sequence: number;
  readonly at: string;
  readonly atText: string;
  readonly type: TimelineEvent['type'];
  readonly by: string;
  /** The requester sees this entry on their status page and in emails. */
  readonly customerVisible: boolean;
}

const ROLE_WORDING: Readonly<Record<Actor['role'], string>> = {
  requester: 'requester',
  engineer: 'engineer',
  'team-lead': 'team lead',
  tam: 'TAM',
  admin: 'admin',
  system: 'Baton',
  vendor: 'vendor',
};

export function actorWording(actor: Actor): string {
  if (actor.role === 'system') return 'Baton';
  const role = ROLE_WORDING[actor.role];
  const who = actor.name ?? actor.id;
  return who === undefined ? role : `${who} (${role})`;
}

function engineerWording(engineer: EngineerRef): string {
  return `${engineer.name} (${engineer.region})`;
}

function said(headline: string, text: string, lines: readonly TimelineLine[] = []): StaffTimelineWording {
  return { headline, text, lines };
}

function only(headline: string, lines: readonly TimelineLine[] = []): StaffTimelineWording {
  return { headline, lines };
}

/** `zone` is the reader's: instants inside an entry (an alert's due time) are shown in it. */
export function staffTimelineWording(event: TimelineEvent, zone: string): StaffTimelineWording {
  switch (event.type) {
    case 'ticket-received':
      return only(`Ticket received through the ${event.intake.channel === 'chat' ? 'chat' : 'web form'}`);
    case 'validation-started':
      return only('Validation started');
    case 'ticket-rejected':
      return only(
        'Not accepted at validation',
        event.reasons.map((reason) => ({ label: reason.field ?? reason.code, value: reason.message })),
      );
    case 'ticket-triaged':
      return only('Triaged', [
        { label: 'Queue', value: event.queueId },
        { label: 'SLA policy', value: event.slaPolicyId },
        { label: 'Contract', value: event.contractId },
        ...(event.tamEmail === undefined ? [] : [{ label: 'TAM', value: event.tamEmail }]),
      ]);
    case 'engineer-assigned':
      return only(`Assigned to ${engineerWording(event.engineer)}`, [{ label: 'Why', value: event.reason }]);
    case 'no-engineer-available':
      return said(`No engineer available in queue ${event.queueId}`, event.reason);
    case 'acknowledged':
      return said('Acknowledged to the customer', event.message);
    case 'agent-responded':
      return said('Replied to the customer', event.message);
    case 'info-requested':
      return said('Asked the customer for information (the SLA pauses)', event.message);
    case 'customer-replied':
      return said('The customer replied', event.message);
    case 'internal-note-added':
      return said(event.nextStep === undefined ? 'Internal note' : 'Handoff note', event.note, [
        ...(event.tried ?? []).map((tried) => ({ label: 'Tried', value: tried })),
        ...(event.nextStep === undefined ? [] : [{ label: 'Next step', value: event.nextStep }]),
      ]);
    case 'escalated-internally':
      return said(`Escalated internally to ${engineerWording(event.to)}`, event.reason);
    case 'severity-raised':
      return said(`Severity raised from ${event.from} to ${event.to}`, event.reason);
    case 'severity-downgrade-proposed':
      return said(`Downgrade from Severity ${event.from} to ${event.to} proposed to the customer`, event.reason);
    case 'severity-downgrade-consented':
      return only(`The customer agreed to Severity ${event.to}`);
    case 'severity-downgrade-refused':
      return only(`The customer kept Severity ${event.from}`);
    case 'vendor-escalation-requested':
      return said('Escalation to the vendor requested', event.justification);
    case 'vendor-case-opened':
      return only(`Vendor case ${event.caseId} opened`);
    case 'vendor-case-failed':
      return said('The vendor case could not be opened', event.reason);
    case 'vendor-updated':
      return said(`Vendor update: ${event.status}`, event.note, event.scope === undefined ? [] : [{ label: 'Where the problem lies', value: event.scope }]);
    case 'vendor-followed-up':
      return event.note === undefined ? only('Vendor followed up') : said('Vendor followed up', event.note);
    case 'resolution-proposed':
      return said('Resolution proposed to the customer', event.summary);
    case 'resolution-confirmed':
      return only('The customer confirmed the resolution');
    case 'resolution-rejected':
      return said('The customer rejected the resolution', event.reason);
    case 'resolution-reminder-sent':
      return only('The customer was reminded of the proposed resolution');
    case 'self-closed':
      return said('The customer closed the ticket with their own solution', event.solution);
    case 'auto-closed':
      return only('Closed after a quiet period');
    case 'closed-not-entitled':
      return said('Closed: not entitled to support', event.explanation);
    case 'ticket-reopened':
      return said('The customer reopened the ticket', event.reason);
    case 'handed-off':
      return only(`Handed off from ${engineerWording(event.fromEngineer)} to ${engineerWording(event.toEngineer)}`, [
        { label: 'Regions', value: `${event.fromRegion} → ${event.toRegion}` },
        ...(event.brief.stalled ? [{ label: 'Stalled', value: `${event.brief.handoffsWithoutCustomerUpdate} handoffs without a customer update` }] : []),
      ]);
    case 'handoff-acknowledged':
      return only('Handoff acknowledged');
    case 'sla-warning-raised':
      return only(`SLA warning: ${METRIC_WORDING[event.metric]}`, [{ label: 'Due', value: formatInstant(event.dueAt, zone) }, ...explanationLine(event.explanation, zone)]);
    case 'sla-breached':
      return only(`SLA breached: ${METRIC_WORDING[event.metric]}`, [{ label: 'Was due', value: formatInstant(event.dueAt, zone) }, ...explanationLine(event.explanation, zone)]);
    case 'attachment-added':
      return only(`File attached: ${event.attachment.name}`, [{ label: 'Size', value: readableSize(event.attachment.size) }]);
    case 'internal-attachment-added':
      return only(`Internal file attached: ${event.attachment.name}`, [{ label: 'Size', value: readableSize(event.attachment.size) }, { label: 'Seen by', value: 'staff only' }]);
  }
}

/** The instants the engine wrote into a recorded explanation (ISO 8601, UTC), as the engine writes them. */
const RECORDED_INSTANT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z\b/g;

/**
 * An alert's explanation is text recorded on the timeline when it was raised, so its instants
 * cannot come back as values: the ones the engine wrote are worded in the viewer's zone here.
 */
function explanationLine(explanation: string | undefined, zone: string): TimelineLine[] {
  return explanation === undefined ? [] : [{ label: 'Why', value: explanation.replace(RECORDED_INSTANT, (instant) => formatInstant(instant, zone)) }];
}

export function staffTimelineItem(event: TimelineEvent, zone: string): StaffTimelineItem {
  return {
    ...staffTimelineWording(event, zone),
    sequence: event.sequence,
    at: event.at,
    atText: formatInstant(event.at, zone),
    type: event.type,
    by: actorWording(event.actor),
    customerVisible: event.visibility === 'customer',
  };
}
