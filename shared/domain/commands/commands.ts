/**
 * What people and Baton ask of a ticket. Each command names its actor; `decide` answers with the
 * events to append or a typed rejection. Parse at the edge with `CommandSchema`.
 */
import { z } from 'zod';
import { InstantSchema, ScopeSchema, SeveritySchema, SlugSchema } from '../primitives';
import { HandoffBriefSchema } from '../handoff/handoff-brief';
import { ValidationReasonSchema } from '../intake/validation-reason';
import { ActorSchema } from '../ticket/actor';
import { EngineerRefSchema } from '../ticket/engineer-ref';
import { VendorCaseStatusSchema } from '../ticket/vendor-case';
import { MessageSchema, ReasonSchema } from '../timeline/event-base';
import { SlaAlertSchema } from '../sla/sla-clock';
import { AttachmentSchema } from '../attachments/attachment';
import { AttachmentLimitsSchema } from '../attachments/attachment-limits';

function commandSchema<Type extends string, Payload extends z.ZodRawShape>(type: Type, payload: Payload) {
  return z.object({ type: z.literal(type), actor: ActorSchema, ...payload });
}

export const VendorCaseOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('opened'), caseId: z.string().trim().min(1).max(100) }),
  z.object({ status: z.literal('failed'), reason: ReasonSchema }),
]);

/** How validation triages a ticket: onto its plan's SLA policy and the routed queue, under its contract. */
export const TriageSchema = z.object({ slaPolicyId: SlugSchema, queueId: SlugSchema, contractId: SlugSchema, tamEmail: z.email().optional() });
export type Triage = z.infer<typeof TriageSchema>;

export const SeverityChangeSchema = z.object({ to: SeveritySchema, reason: ReasonSchema });

export const CommandSchema = z.discriminatedUnion('type', [
  // Baton's own steps from receipt to assignment.
  commandSchema('start-validation', {}),
  commandSchema('reject', { reasons: z.array(ValidationReasonSchema).min(1) }),
  commandSchema('triage', TriageSchema.shape),
  commandSchema('assign', { engineer: EngineerRefSchema }),
  commandSchema('report-no-engineer', { queueId: SlugSchema, reason: ReasonSchema }),
  // The conversation.
  commandSchema('acknowledge', { message: MessageSchema }),
  commandSchema('respond', { message: MessageSchema }),
  commandSchema('request-info', { message: MessageSchema }),
  commandSchema('customer-reply', { message: MessageSchema }),
  commandSchema('internal-note', {
    note: MessageSchema,
    nextStep: z.string().trim().min(1).max(1000).optional(),
    tried: z.array(z.string().trim().min(1).max(1000)).max(20).optional(),
  }),
  commandSchema('escalate-internally', { reason: ReasonSchema, to: EngineerRefSchema }),
  // Severity integrity.
  commandSchema('change-severity', SeverityChangeSchema.shape),
  commandSchema('consent-to-downgrade', {}),
  commandSchema('refuse-downgrade', {}),
  // L3 vendor escalation.
  commandSchema('escalate-to-vendor', { justification: ReasonSchema }),
  commandSchema('record-vendor-case', { outcome: VendorCaseOutcomeSchema }),
  commandSchema('vendor-update', { note: MessageSchema, status: VendorCaseStatusSchema, scope: ScopeSchema.optional() }),
  commandSchema('follow-up-vendor', { note: MessageSchema.optional() }),
  // Resolution and closure.
  commandSchema('propose-resolution', { summary: MessageSchema }),
  commandSchema('confirm-resolution', {}),
  commandSchema('reject-resolution', { reason: ReasonSchema }),
  commandSchema('send-resolution-reminder', {}),
  commandSchema('self-close', { solution: MessageSchema }),
  commandSchema('auto-close', {}),
  commandSchema('close-not-entitled', { explanation: MessageSchema }),
  commandSchema('reopen', { reason: ReasonSchema }),
  // Follow-the-sun.
  commandSchema('handoff', { toEngineer: EngineerRefSchema, brief: HandoffBriefSchema }),
  commandSchema('acknowledge-handoff', {}),
  // SLA alerts computed by the SLA engine, recorded once each.
  commandSchema('raise-sla-alert', { alert: SlaAlertSchema }),
  // A file stored under the ticket's prefix joins its record, within the limits it was uploaded under.
  commandSchema('attach-file', { attachment: AttachmentSchema, limits: AttachmentLimitsSchema }),
]);
export type Command = z.infer<typeof CommandSchema>;
export type CommandType = Command['type'];
export type CommandOf<Type extends CommandType> = Extract<Command, { type: Type }>;

export const COMMAND_TYPES: readonly CommandType[] = CommandSchema.options.map((option) => option.shape.type.value);
