/**
 * SLA alerts on the record. Each carries the key the SLA engine derived for it, so a warning or a
 * breach is raised at most once per metric cycle however often the timer fires.
 */
import { z } from 'zod';
import { InstantSchema } from '../primitives';
import { eventSchema } from './event-base';
import { SlaMetricSchema } from './sla-metric';

const slaAlertPayload = {
  metric: SlaMetricSchema,
  cycleId: z.string().min(1).max(200),
  key: z.string().min(1).max(300),
  dueAt: InstantSchema,
  /** The SLA engine's account of the deadline: target, calendar, paused minutes. */
  explanation: z.string().max(2000).optional(),
};

export const SlaWarningRaisedSchema = eventSchema('sla-warning-raised', slaAlertPayload);

export const SlaBreachedSchema = eventSchema('sla-breached', slaAlertPayload);
