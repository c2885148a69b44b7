/**
 * What Baton itself must do on a ticket now: the agenda's items, from validation to the end of
 * the lifecycle. Most become system commands through `decide`; raising and chasing the vendor case need I/O and are carried out by the shell.
 */
import { z } from 'zod';
import { InstantSchema, SlugSchema } from '../primitives';
import { SeverityChangeSchema, TriageSchema } from '../commands/commands';
import { HandoffBriefSchema } from '../handoff/handoff-brief';
import { ValidationReasonSchema } from '../intake/validation-reason';
import { SlaAlertSchema } from '../sla/sla-clock';
import { EngineerRefSchema } from '../ticket/engineer-ref';
import { ReasonSchema } from '../timeline/event-base';

export const LifecycleEndSchema = z.enum(['rejected', 'not-entitled', 'reopen-window-ended']);
export type LifecycleEnd = z.infer<typeof LifecycleEndSchema>;

/**
 * Validation's verdict, every reason at once: rejected, or triaged (with Severity B to propose when
 * Severity A comes without 24x7 availability).
 */
export const ValidationVerdictSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('rejected'), reasons: z.array(ValidationReasonSchema).min(1) }),
  z.object({ outcome: z.literal('triaged'), triage: TriageSchema, severityProposal: SeverityChangeSchema.optional() }),
]);
export type ValidationVerdict = z.infer<typeof ValidationVerdictSchema>;

export const AgendaItemSchema = z.discriminatedUnion('kind', [
  /** A received ticket's verdict; `startsValidation` while the record does not yet say validation began. */
  z.object({ kind: z.literal('validate'), startsValidation: z.boolean(), verdict: ValidationVerdictSchema }),
  /** An on-shift, skilled engineer takes the ticket (after triage, or after a reopen). */
  z.object({ kind: z.literal('assign'), engineer: EngineerRefSchema }),
  /** Nobody qualifies: recorded, and the queue's team lead is called in when there is one. */
  z.object({ kind: z.literal('no-engineer'), queueId: SlugSchema, reason: ReasonSchema, lead: EngineerRefSchema.optional() }),
  z.object({ kind: z.literal('sla-alert'), alert: SlaAlertSchema }),
  /** The assignee's shift is over: the ticket follows the sun with its brief. */
  z.object({ kind: z.literal('handoff'), to: EngineerRefSchema, brief: HandoffBriefSchema }),
  /** Handoffs without a customer-visible update reached the threshold: the team lead steps in. */
  z.object({ kind: z.literal('stall-escalation'), lead: EngineerRefSchema, reason: ReasonSchema }),
  /** The engineer asked for an L3 case and none is open yet. */
  z.object({ kind: z.literal('raise-vendor-case') }),
  /** The vendor is due a follow-up: remind the engineer and read the case. */
  z.object({ kind: z.literal('vendor-follow-up'), dueAt: InstantSchema }),
  z.object({ kind: z.literal('resolution-reminder') }),
  z.object({ kind: z.literal('auto-close') }),
  /** The vendor placed the problem on-premises and the contract has no on-premises add-on. */
  z.object({ kind: z.literal('not-entitled'), explanation: z.string().min(1) }),
  /** Nothing more can happen on the ticket: its orchestration may finish. */
  z.object({ kind: z.literal('lifecycle-ends'), reason: LifecycleEndSchema }),
]);
export type AgendaItem = z.infer<typeof AgendaItemSchema>;
export type AgendaItemOf<Kind extends AgendaItem['kind']> = Extract<AgendaItem, { kind: Kind }>;

export const AgendaSchema = z.object({
  due: z.array(AgendaItemSchema),
  /** The earliest future instant at which the agenda may change without anyone acting. */
  nextWakeAt: InstantSchema.optional(),
});
export type Agenda = z.infer<typeof AgendaSchema>;

/** One rule's contribution: what is due now, and the instants at which it should look again. */
export interface AgendaPart {
  readonly due: readonly AgendaItem[];
  readonly wakeAt: readonly (string | undefined)[];
}

export const NOTHING_DUE: AgendaPart = { due: [], wakeAt: [] };
