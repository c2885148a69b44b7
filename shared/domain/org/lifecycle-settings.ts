/**
 * The organisation's lifecycle rules: how long a closed ticket can be reopened, how long silence
 * after a proposed resolution lasts before auto-closure, when handoffs count as stalled, how often
 * the vendor is chased, and what makes a description clear.
 */
import { z } from 'zod';
import { perSeveritySchema } from '../severity/per-severity';

const positiveDays = z.number().positive().max(365);
const positiveHours = z.number().positive().max(24 * 30);

export const LifecycleSettingsSchema = z
  .object({
    /** Calendar days after closure during which the requester may reopen. */
    reopenWindowDays: positiveDays,
    /** Calendar days of customer silence after a proposed resolution before Baton closes it. */
    autoCloseAfterDays: positiveDays,
    /** Calendar days after a proposed resolution at which the requester is reminded, once. */
    resolutionReminderAfterDays: positiveDays,
    /** Follow-the-sun handoffs without a customer-visible update before the team lead is called in. */
    handoffStallThreshold: z.number().int().min(1).max(20),
    /** Hours between follow-ups on an open vendor case, per severity. */
    vendorFollowUpHours: perSeveritySchema(positiveHours),
    /** Words that carry meaning (not filler, not vague phrases) a description needs to be actionable. */
    clearDescriptionMinWords: z.number().int().min(1).max(200),
  })
  .refine((settings) => settings.resolutionReminderAfterDays < settings.autoCloseAfterDays, {
    message: 'the reminder must come before auto-closure',
    path: ['resolutionReminderAfterDays'],
  });
export type LifecycleSettings = z.infer<typeof LifecycleSettingsSchema>;

export const DEFAULT_LIFECYCLE_SETTINGS: LifecycleSettings = {
  reopenWindowDays: 14,
  autoCloseAfterDays: 7,
  resolutionReminderAfterDays: 3,
  handoffStallThreshold: 3,
  vendorFollowUpHours: { A: 4, B: 24, C: 72 },
  clearDescriptionMinWords: 8,
};
