/**
 * The ticket document: the requester's intake fields, where the ticket stands and who owns it,
 * and its timeline. Every field is a projection of the timeline (see lifecycle/evolve).
 */
import { z } from 'zod';
import { InstantSchema, SeveritySchema, SlugSchema } from '../primitives';
import { ChatIntakeSchema, ChatRequesterSchema, IntakeChannelSchema } from '../intake/intake';
import { TimelineEventSchema } from '../timeline/timeline-event';
import { AttachmentSchema } from '../attachments/attachment';
import { ActorSchema } from './actor';
import { EngineerRefSchema } from './engineer-ref';
import { TicketNumberSchema } from './ticket-number';
import { TicketStatusSchema } from './ticket-status';
import { VendorCaseSchema } from './vendor-case';

/**
 * A stored ticket may come from either channel, so its intake fields have the lenient (chat)
 * shape; `severity` and `scope` are the current ones, which can differ from what was asked.
 */
const intakeFieldShape = ChatIntakeSchema.omit({ channel: true, requester: true }).shape;

export const PendingDowngradeSchema = z.object({
  to: SeveritySchema,
  reason: z.string(),
  proposedBy: ActorSchema,
  proposedAt: InstantSchema,
});
export type PendingDowngrade = z.infer<typeof PendingDowngradeSchema>;

export const ProposedResolutionSchema = z.object({ summary: z.string(), at: InstantSchema });
export type ProposedResolution = z.infer<typeof ProposedResolutionSchema>;

export const ClosureReasonSchema = z.enum(['confirmed', 'auto-closed', 'self-closed', 'rejected-at-validation', 'not-entitled']);
export type ClosureReason = z.infer<typeof ClosureReasonSchema>;

export const ClosureSchema = z.object({ reason: ClosureReasonSchema, at: InstantSchema, summary: z.string() });
export type Closure = z.infer<typeof ClosureSchema>;

export const TicketSchema = z.object({
  id: TicketNumberSchema,
  ticketNumber: TicketNumberSchema,
  channel: IntakeChannelSchema,
  requester: ChatRequesterSchema,
  /** Lower-cased, for the requester's-tickets query. */
  requesterEmail: z.string().min(3),
  ...intakeFieldShape,
  status: TicketStatusSchema,
  queueId: SlugSchema.optional(),
  assignee: EngineerRefSchema.optional(),
  contractId: SlugSchema.optional(),
  tamEmail: z.email().optional(),
  slaPolicyId: SlugSchema.optional(),
  vendorCase: VendorCaseSchema.optional(),
  pendingDowngrade: PendingDowngradeSchema.optional(),
  proposedResolution: ProposedResolutionSchema.optional(),
  closure: ClosureSchema.optional(),
  /** Follow-the-sun handoffs since the customer last heard from us (the stall rule counts these). */
  handoffsSinceCustomerUpdate: z.number().int().nonnegative(),
  /** Keys of SLA warnings and breaches already on the timeline: each is raised once. */
  raisedAlertKeys: z.array(z.string()),
  accessTokenHash: z.string().min(16),
  /** Files attached to the ticket, in the order they came; absent on tickets that never had one. */
  attachments: z.array(AttachmentSchema).optional(),
  timeline: z.array(TimelineEventSchema).min(1),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  /** Denormalised by the store for queue views; the domain never relies on it. */
  slaNextDueAt: InstantSchema.optional(),
});
export type Ticket = z.infer<typeof TicketSchema>;
