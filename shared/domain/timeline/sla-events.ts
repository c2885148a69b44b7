/**
 * SLA alerts on the record. Each carries the key the SLA engine derived for it, so a warning or a
 * breach is raised at most once per metric cycle however often the timer fires.
 */
import { SlaAlertSchema } from '../sla/sla-clock';
import { eventSchema } from './event-base';

/** The alert as the SLA engine detected it; the event's type says its kind. */
const slaAlertPayload = SlaAlertSchema.omit({ kind: true }).shape;

export const SlaWarningRaisedSchema = eventSchema('sla-warning-raised', slaAlertPayload);

export const SlaBreachedSchema = eventSchema('sla-breached', slaAlertPayload);
