/**
 * The SLA engine's input: a neutral summary of one lifecycle cycle of a ticket, derived from its
 * timeline by the lifecycle code, so every deadline can be recomputed from the record alone.
 */
import { z } from 'zod';
import { InstantSchema, SeveritySchema } from '../primitives';

export const SlaPauseReasonSchema = z.enum(['awaiting-customer', 'awaiting-vendor', 'resolution-proposed']);
export type SlaPauseReason = z.infer<typeof SlaPauseReasonSchema>;

/** A stretch during which the ticket waited on someone else; `to` is absent while it still waits. */
export const SlaPauseSchema = z.object({
  from: InstantSchema,
  to: InstantSchema.optional(),
  reason: SlaPauseReasonSchema,
});
export type SlaPause = z.infer<typeof SlaPauseSchema>;

export const SlaHistorySchema = z.object({
  /** Start of the current lifecycle cycle: intake, or the last reopen. */
  openedAt: InstantSchema,
  /** The current severity: targets always come from it, measured from `openedAt`. */
  severity: SeveritySchema,
  /**
   * When the current severity was set, if it changed during this cycle. Optional: it only keeps
   * alert keys apart when a severity returns to an earlier value (A → B → A re-arms A's alerts).
   */
  severitySince: InstantSchema.optional(),
  pauses: z.array(SlaPauseSchema).default([]),
  firstResponseAt: InstantSchema.optional(),
  /** Agent replies the customer sees, ascending; the first one is the first response. */
  customerVisibleUpdates: z.array(InstantSchema).default([]),
  /** Customer replies, ascending. */
  customerReplies: z.array(InstantSchema).default([]),
  closedAt: InstantSchema.optional(),
});
export type SlaHistory = z.infer<typeof SlaHistorySchema>;
