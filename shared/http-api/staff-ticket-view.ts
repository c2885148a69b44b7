/**
 * What staff see of a ticket: everything the record holds (internal notes, triage, handoffs, SLA
 * alerts, the vendor case) and each SLA clock with the engine's explanation of its deadline.
 * Only the requester's access-token hash is withheld: it is a credential, not information.
 */
import { AttachmentSchema } from '../domain/attachments/attachment';
import { z } from 'zod';
import { InstantSchema, ScopeSchema, SeveritySchema, SlugSchema } from '../domain/primitives';
import { IntakeChannelSchema } from '../domain/intake/intake';
import { SlaClockSchema, type SlaClock } from '../domain/sla/sla-clock';
import { ActorSchema } from '../domain/ticket/actor';
import { EngineerRefSchema } from '../domain/ticket/engineer-ref';
import { ClosureSchema, ProposedResolutionSchema, type Ticket } from '../domain/ticket/ticket';
import { TicketNumberSchema } from '../domain/ticket/ticket-number';
import { TicketStatusSchema } from '../domain/ticket/ticket-status';
import { VendorCaseSchema } from '../domain/ticket/vendor-case';
import { VisibilitySchema } from '../domain/timeline/event-base';
import { TIMELINE_EVENT_TYPES, type TimelineEvent } from '../domain/timeline/timeline-event';
import type { Instant } from '../domain/primitives';
import { displayedSlaDeadline } from '../store/sla-deadline';
import { ticketSlaClocks, type SlaOrg } from './ticket-sla-clocks';

export const StaffTimelineEntrySchema = z
  .object({
    id: z.string(),
    sequence: z.number().int().positive(),
    at: InstantSchema,
    type: z.enum(TIMELINE_EVENT_TYPES),
    actor: ActorSchema,
    visibility: VisibilitySchema,
    /** The event's own fields (message, note, brief, reasons…), as recorded. */
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'StaffTimelineEntry' });
export type StaffTimelineEntry = z.infer<typeof StaffTimelineEntrySchema>;

const optionalText = z.string().optional();

export const StaffTicketViewSchema = z
  .object({
    ticketNumber: TicketNumberSchema,
    channel: IntakeChannelSchema,
    status: TicketStatusSchema,
    severity: SeveritySchema.optional(),
    scope: ScopeSchema.optional(),
    requester: z.object({
      name: z.string(),
      email: z.string(),
      timeZone: optionalText,
      available24x7: z.boolean().optional(),
      phone: optionalText,
    }),
    company: optionalText,
    tenantDomain: optionalText,
    productArea: optionalText,
    title: optionalText,
    description: z.string(),
    businessImpact: optionalText,
    whatWasTried: optionalText,
    errorText: optionalText,
    reproductionSteps: optionalText,
    expectedBehaviour: optionalText,
    actualBehaviour: optionalText,
    attachmentsNote: optionalText,
    transcript: optionalText,
    queueId: SlugSchema.optional(),
    assignee: EngineerRefSchema.optional(),
    contractId: SlugSchema.optional(),
    tamEmail: optionalText,
    slaPolicyId: SlugSchema.optional(),
    vendorCase: VendorCaseSchema.optional(),
    pendingDowngrade: z.object({ to: SeveritySchema, reason: z.string(), proposedBy: ActorSchema, proposedAt: InstantSchema }).optional(),
    proposedResolution: ProposedResolutionSchema.optional(),
    closure: ClosureSchema.optional(),
    handoffsSinceCustomerUpdate: z.number().int().nonnegative(),
    raisedAlertKeys: z.array(z.string()),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
    /** The earliest running SLA deadline, which orders the queue; absent when no clock runs. */
    slaNextDueAt: InstantSchema.optional(),
    sla: z.array(SlaClockSchema.meta({ id: 'SlaClock' })),
    attachments: z.array(AttachmentSchema).optional(),
    timeline: z.array(StaffTimelineEntrySchema),
  })
  .meta({ id: 'StaffTicketView' });
export type StaffTicketView = z.infer<typeof StaffTicketViewSchema>;

const ENVELOPE_FIELDS = new Set(['id', 'sequence', 'at', 'type', 'actor', 'visibility']);
/** Credentials recorded on events; staff never need them and a view must never carry them. */
const WITHHELD_FIELDS = new Set(['accessTokenHash']);

export function staffTimelineEntry(event: TimelineEvent): StaffTimelineEntry {
  const details = Object.fromEntries(Object.entries(event).filter(([field]) => !ENVELOPE_FIELDS.has(field) && !WITHHELD_FIELDS.has(field)));
  return { id: event.id, sequence: event.sequence, at: event.at, type: event.type, actor: event.actor, visibility: event.visibility, details };
}

/** `slaNextDueAt` is passed as people should read it: undefined rather than a far-future stand-in. */
export function staffTicketView(ticket: Ticket, clocks: readonly SlaClock[], slaNextDueAt: string | undefined): StaffTicketView {
  // The hash is a credential; the document id and the lower-cased email are the store's keys.
  const { accessTokenHash: _withheld, id: _documentId, requesterEmail: _key, timeline, slaNextDueAt: _stored, ...record } = ticket;
  return {
    ...record,
    ...(slaNextDueAt === undefined ? {} : { slaNextDueAt }),
    sla: [...clocks],
    timeline: timeline.map(staffTimelineEntry),
  };
}

/** The view as it stands at `now`: the SLA clocks recomputed from the timeline, as every staff reader sees them. */
export function staffTicketViewAt(ticket: Ticket, org: SlaOrg, now: Instant): StaffTicketView {
  return staffTicketView(ticket, ticketSlaClocks(ticket, org, now), displayedSlaDeadline(ticket));
}
