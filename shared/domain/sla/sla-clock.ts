/**
 * What the SLA engine reports for each metric of a ticket, and the alerts it asks for: the shapes
 * the orchestrator stores, shows and turns into timeline entries.
 */
import { z } from 'zod';
import { InstantSchema, SeveritySchema, SlugSchema } from '../primitives';
import { SlaPauseReasonSchema } from './sla-history';

export const SlaMetricSchema = z.enum(['first-response', 'next-update', 'resolution']);
export type SlaMetric = z.infer<typeof SlaMetricSchema>;

export const SlaClockStateSchema = z.enum(['running', 'paused', 'met', 'breached', 'not-started']);
export type SlaClockState = z.infer<typeof SlaClockStateSchema>;

export const SlaClockSchema = z.object({
  metric: SlaMetricSchema,
  /** Names one cycle of the metric at one severity; alert keys are built from it. */
  cycleId: z.string().min(1),
  state: SlaClockStateSchema,
  severity: SeveritySchema,
  /** Absent while the metric has not started (next update before the first response). */
  startedAt: InstantSchema.optional(),
  /** Set once the cycle has ended: by the response or update it waited for, or by closure. */
  stoppedAt: InstantSchema.optional(),
  /** Set while the clock is paused, with the reason it waits. */
  pausedBy: SlaPauseReasonSchema.optional(),
  targetMinutes: z.number().int().positive(),
  calendarId: SlugSchema,
  /** Working minutes of the calendar the clock stood still for, since the cycle started. */
  pausedMinutes: z.number().int().nonnegative(),
  /**
   * When the target is reached. While paused it is the instant the clock would reach it if the
   * pause ended now. Absent when not started, or when the calendar never opens long enough.
   */
  dueAt: InstantSchema.optional(),
  warningAt: InstantSchema.optional(),
  /** Working minutes left, rounded down: negative once breached. Fixed once stopped. */
  remainingMinutes: z.number().int(),
  explanation: z.string(),
});
export type SlaClock = z.infer<typeof SlaClockSchema>;

export const SlaAlertKindSchema = z.enum(['warning', 'breach']);
export type SlaAlertKind = z.infer<typeof SlaAlertKindSchema>;

/**
 * A warning or breach, in the one shape it keeps from detection (`dueSlaAlerts`) through the
 * agenda and the `raise-sla-alert` command to the timeline, where the kind picks the event type
 * (`sla-warning-raised`, `sla-breached`) and the rest is the event's payload as it is.
 */
export const SlaAlertSchema = z.object({
  kind: SlaAlertKindSchema,
  metric: SlaMetricSchema,
  cycleId: z.string().min(1).max(200),
  /** `${metric}:${cycleId}:${kind}`: recorded on the timeline so that an alert is raised once. */
  key: z.string().min(1).max(300),
  /** The instant the warning or breach fell due. */
  dueAt: InstantSchema,
  /** The SLA engine's account of the deadline: target, calendar, paused minutes (absent on some older events). */
  explanation: z.string().max(2000).optional(),
});
export type SlaAlert = z.infer<typeof SlaAlertSchema>;

export function slaAlertKey(metric: SlaMetric, cycleId: string, kind: SlaAlertKind): string {
  return `${metric}:${cycleId}:${kind}`;
}
