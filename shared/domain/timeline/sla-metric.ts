/**
 * The three clocks a ticket runs under (see docs/sla-semantics): named here so that SLA alerts on
 * the timeline and SLA lines in a handoff brief use the same words as the SLA engine.
 */
import { z } from 'zod';

export const SlaMetricSchema = z.enum(['first-response', 'next-update', 'resolution']);
export type SlaMetric = z.infer<typeof SlaMetricSchema>;
