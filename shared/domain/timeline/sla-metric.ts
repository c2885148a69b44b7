/**
 * The SLA vocabulary the timeline records, taken from the SLA engine so that alerts on the
 * timeline and the engine's clocks always use the same words.
 */
export { SlaAlertKindSchema, SlaMetricSchema } from '../sla/sla-clock';
export type { SlaAlertKind, SlaMetric } from '../sla/sla-clock';
