/**
 * The structured brief that travels with a ticket at each follow-the-sun handoff, so the next
 * engineer starts from what is known and never re-asks what the customer already answered.
 */
import { z } from 'zod';
import { InstantSchema, ScopeSchema, SeveritySchema } from '../primitives';
import { TicketStatusSchema } from '../ticket/ticket-status';
import { VendorCaseSchema } from '../ticket/vendor-case';
import { SlaClockSchema } from '../sla/sla-clock';

/** One SLA clock as the SLA engine reported it at handoff time. */
export const HandoffSlaLineSchema = SlaClockSchema.pick({ metric: true, state: true, dueAt: true, remainingMinutes: true, explanation: true });
export type HandoffSlaLine = z.infer<typeof HandoffSlaLineSchema>;

export const AnsweredQuestionSchema = z.object({
  question: z.string(),
  askedAt: InstantSchema,
  answer: z.string(),
  answeredAt: InstantSchema,
});
export type AnsweredQuestion = z.infer<typeof AnsweredQuestionSchema>;

export const OpenQuestionSchema = z.object({ question: z.string(), askedAt: InstantSchema });
export type OpenQuestion = z.infer<typeof OpenQuestionSchema>;

export const EngineerNoteSchema = z.object({ at: InstantSchema, author: z.string().optional(), note: z.string() });
export type EngineerNote = z.infer<typeof EngineerNoteSchema>;

export const HandoffEvidenceSchema = z.object({
  errorText: z.string().optional(),
  reproductionSteps: z.string().optional(),
  expectedBehaviour: z.string().optional(),
  actualBehaviour: z.string().optional(),
  attachmentsNote: z.string().optional(),
});
export type HandoffEvidence = z.infer<typeof HandoffEvidenceSchema>;

export const HandoffBriefSchema = z.object({
  ticketNumber: z.string(),
  status: TicketStatusSchema,
  severity: SeveritySchema.optional(),
  scope: ScopeSchema.optional(),
  company: z.string().optional(),
  productArea: z.string().optional(),
  /** Title and description as the requester wrote them. */
  problemStatement: z.string(),
  businessImpact: z.string().optional(),
  /** What the customer said they tried, then what the outgoing engineer lists. */
  whatWasTried: z.array(z.string()),
  evidence: HandoffEvidenceSchema,
  /** The outgoing engineer's own words: their summary and the very next thing to do. */
  outgoingNote: z.string().optional(),
  nextStep: z.string().optional(),
  answeredQuestions: z.array(AnsweredQuestionSchema),
  openQuestions: z.array(OpenQuestionSchema),
  /** The most recent internal notes, newest last. */
  engineerNotes: z.array(EngineerNoteSchema),
  sla: z.array(HandoffSlaLineSchema),
  vendorCase: VendorCaseSchema.optional(),
  pendingDowngrade: z.object({ to: SeveritySchema, reason: z.string() }).optional(),
  lastCustomerUpdateAt: InstantSchema.optional(),
  /** Handoffs without a customer-visible update, counting this one. */
  handoffsWithoutCustomerUpdate: z.number().int().nonnegative(),
  /** The stall rule fired: the next step is an internal escalation, not another handoff. */
  stalled: z.boolean(),
});
export type HandoffBrief = z.infer<typeof HandoffBriefSchema>;

/** What the outgoing engineer writes at shift end (an internal note with a next step). */
export const HandoffNoteSchema = z.object({
  summary: z.string().trim().min(1).max(4000),
  nextStep: z.string().trim().min(1).max(1000),
  tried: z.array(z.string().trim().min(1).max(1000)).max(20).default([]),
});
export type HandoffNote = z.infer<typeof HandoffNoteSchema>;
