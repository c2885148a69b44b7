/**
 * What the ticket lifecycle orchestrator and its activities hand each other, parsed on both sides:
 * activity inputs carry the orchestration's own time, outputs say what the orchestrator does next.
 */
import { z } from 'zod';
import { InstantSchema } from '../domain/primitives';
import { TicketNumberSchema } from '../domain/ticket/ticket-number';
import { TicketStatusSchema } from '../domain/ticket/ticket-status';

/**
 * The orchestration's input. `turn` counts turns across continue-as-new; 0 (or none) is a fresh
 * start. `revision` is the one the instance was started on (see `CURRENT_LIFECYCLE_REVISION`).
 */
export const LifecycleRunSchema = z.object({
  ticketNumber: TicketNumberSchema,
  turn: z.number().int().nonnegative().optional(),
  revision: z.number().int().positive().optional(),
});
export type LifecycleRun = z.infer<typeof LifecycleRunSchema>;

/** Every activity gets the ticket and the orchestration's `currentUtcDateTime`, never the wall clock. */
export const LifecycleStepSchema = z.object({
  ticketNumber: TicketNumberSchema,
  now: InstantSchema,
});
export type LifecycleStep = z.infer<typeof LifecycleStepSchema>;

/** What the retired `validateTicket` step answered; instances started before revision 2 replay it. */
export const ValidationOutcomeSchema = z.object({
  outcome: z.enum(['accepted', 'rejected', 'missing']),
});
export type ValidationOutcome = z.infer<typeof ValidationOutcomeSchema>;

export const ReconcileOutcomeSchema = z.object({
  /** `missing` when the ticket is not in the store (deleted, or a stray instance). */
  status: z.union([TicketStatusSchema, z.literal('missing')]),
  /** Nothing more can happen: the orchestration completes. */
  finished: z.boolean(),
  /** The engineer asked for an L3 case: the orchestrator raises it through a retried activity. */
  raiseVendorCase: z.boolean(),
  nextWakeAt: InstantSchema.optional(),
  /** What this turn did, for the orchestration's custom status and the logs. */
  applied: z.array(z.string()),
});
export type ReconcileOutcome = z.infer<typeof ReconcileOutcomeSchema>;

export const VendorCaseOutcomeSchema = z.object({
  outcome: z.enum(['opened', 'failed', 'not-needed']),
  caseId: z.string().optional(),
});
export type VendorCaseOutcome = z.infer<typeof VendorCaseOutcomeSchema>;

/** After the retries are spent: why the case could not be opened, recorded for the engineer. */
export const VendorCaseFailureSchema = LifecycleStepSchema.extend({ reason: z.string().min(3).max(2000) });
export type VendorCaseFailure = z.infer<typeof VendorCaseFailureSchema>;

/** What the orchestration shows in its custom status: where the ticket stands and the next look. */
export const LifecycleStatusSchema = z.object({
  turn: z.number().int().nonnegative(),
  status: ReconcileOutcomeSchema.shape.status,
  nextWakeAt: InstantSchema.optional(),
});
export type LifecycleStatus = z.infer<typeof LifecycleStatusSchema>;
