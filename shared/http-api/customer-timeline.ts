/**
 * The timeline as the requester reads it: only customer-visible events, each reduced to an
 * allow-listed shape. Staff appear by first name, never by email or id; the access token's hash,
 * triage data and internal notes never leave the building.
 */
import { z } from 'zod';
import { ValidationReasonSchema } from '../domain/intake/validation-reason';
import { AssignmentReasonSchema } from '../domain/timeline/intake-events';
import { ActorRoleSchema, InstantSchema, RegionSchema, SeveritySchema } from '../domain/primitives';
import type { Actor } from '../domain/ticket/actor';
import { EVENT_VISIBILITY, TIMELINE_EVENT_TYPES, type TimelineEvent } from '../domain/timeline/timeline-event';
import { firstNameOf } from './first-name';

const CUSTOMER_EVENT_TYPES = TIMELINE_EVENT_TYPES.filter((type) => EVENT_VISIBILITY[type] === 'customer');

export const CustomerTimelineEntrySchema = z
  .object({
    sequence: z.number().int().positive(),
    at: InstantSchema,
    type: z.enum(CUSTOMER_EVENT_TYPES),
    by: z.object({ role: ActorRoleSchema, name: z.string().optional() }),
    /** The words of the event: a message, a reason, a proposed or own solution. */
    text: z.string().optional(),
    severity: z.object({ from: SeveritySchema, to: SeveritySchema }).optional(),
    reasons: z.array(ValidationReasonSchema).optional(),
    /** Who was assigned, and why: the first assignment, a follow-the-sun handoff, or a reassignment. */
    engineer: z.object({ firstName: z.string(), region: RegionSchema, reason: AssignmentReasonSchema }).optional(),
    vendorCaseId: z.string().optional(),
    /** A ticket opened through the chat: the conversation, as the requester had it. */
    transcript: z.string().optional(),
  })
  .meta({ id: 'CustomerTimelineEntry' });
export type CustomerTimelineEntry = z.infer<typeof CustomerTimelineEntrySchema>;

type EntryDetails = Omit<CustomerTimelineEntry, 'sequence' | 'at' | 'type' | 'by'>;

export function customerTimeline(timeline: readonly TimelineEvent[]): CustomerTimelineEntry[] {
  return timeline.flatMap((event) => {
    // Both the stamp on the event and today's catalogue must agree that the customer may see it.
    if (event.visibility !== 'customer' || EVENT_VISIBILITY[event.type] !== 'customer') return [];
    const details = customerDetails(event);
    if (details === undefined) return [];
    return [{ sequence: event.sequence, at: event.at, type: event.type, by: customerFacingActor(event.actor), ...details }];
  });
}

/** The requester sees their own name; staff by first name; Baton and the vendor by role only. */
function customerFacingActor(actor: Actor): CustomerTimelineEntry['by'] {
  switch (actor.role) {
    case 'requester':
      return actor.name === undefined ? { role: actor.role } : { role: actor.role, name: actor.name };
    case 'engineer':
    case 'team-lead':
    case 'tam':
    case 'admin': {
      const name = actor.name === undefined ? undefined : firstNameOf(actor.name);
      return name === undefined ? { role: actor.role } : { role: actor.role, name };
    }
    case 'system':
    case 'vendor':
      return { role: actor.role };
  }
}

/** `undefined` for internal events: listed one by one so a new event type must be decided on. */
function customerDetails(event: TimelineEvent): EntryDetails | undefined {
  switch (event.type) {
    case 'ticket-received': {
      const transcript = event.intake.channel === 'chat' ? event.intake.transcript : undefined;
      return { ...(event.intake.title === undefined ? {} : { text: event.intake.title }), ...(transcript === undefined ? {} : { transcript }) };
    }
    case 'ticket-rejected':
      return { reasons: event.reasons };
    case 'engineer-assigned':
      return { engineer: { firstName: firstNameOf(event.engineer.name) ?? 'your engineer', region: event.engineer.region, reason: event.reason } };
    case 'acknowledged':
    case 'agent-responded':
    case 'info-requested':
    case 'customer-replied':
      return { text: event.message };
    case 'severity-raised':
    case 'severity-downgrade-proposed':
      return { severity: { from: event.from, to: event.to }, text: event.reason };
    case 'severity-downgrade-consented':
    case 'severity-downgrade-refused':
      return { severity: { from: event.from, to: event.to } };
    case 'vendor-case-opened':
      return { vendorCaseId: event.caseId };
    case 'resolution-proposed':
      return { text: event.summary };
    case 'resolution-rejected':
    case 'ticket-reopened':
      return { text: event.reason };
    case 'self-closed':
      return { text: event.solution };
    case 'closed-not-entitled':
      return { text: event.explanation };
    case 'attachment-added':
      return { text: event.attachment.name };
    case 'resolution-confirmed':
    case 'resolution-reminder-sent':
    case 'auto-closed':
      return {};
    case 'validation-started':
    case 'ticket-triaged':
    case 'no-engineer-available':
    case 'internal-note-added':
    case 'escalated-internally':
    case 'vendor-escalation-requested':
    case 'vendor-case-failed':
    case 'vendor-updated':
    case 'vendor-followed-up':
    case 'handed-off':
    case 'handoff-acknowledged':
    case 'sla-warning-raised':
    case 'sla-breached':
    case 'internal-attachment-added':
      return undefined;
  }
}
