/**
 * An SLA policy: per severity, the target of each metric and the calendar its clock runs on, plus
 * when to warn and whether waiting on the vendor stops the clock.
 */
import { z } from 'zod';
import { SlugSchema } from '../primitives';
import { perSeveritySchema } from '../severity/per-severity';

const TargetMinutesSchema = z.number().int().positive();

/** Targets are working minutes of the named calendar (every minute on a 24x7 calendar). */
export const SlaTargetSchema = z.object({
  firstResponseMinutes: TargetMinutesSchema,
  nextUpdateMinutes: TargetMinutesSchema,
  resolutionMinutes: TargetMinutesSchema,
  calendarId: SlugSchema,
});
export type SlaTarget = z.infer<typeof SlaTargetSchema>;

export const SlaPolicySchema = z.object({
  id: SlugSchema,
  name: z.string().trim().min(1),
  targets: perSeveritySchema(SlaTargetSchema),
  /** Share of the target after which a warning is raised; breach is always at 100%. */
  warningFraction: z.number().gt(0).lt(1).default(0.75),
  /** Waiting on the customer always pauses; waiting on the vendor only when the contract says so. */
  pauseWhileAwaitingVendor: z.boolean().default(false),
});
export type SlaPolicy = z.infer<typeof SlaPolicySchema>;
