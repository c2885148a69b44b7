/**
 * Severity changes on the record. A raise takes effect at once; a downgrade is only proposed and
 * takes effect when the requester consents, so nobody lowers a ticket behind the customer's back.
 * Every one carries both severities, so a replay never depends on what was pending.
 */
import { SeveritySchema } from '../primitives';
import { eventSchema, ReasonSchema } from './event-base';

const change = { from: SeveritySchema, to: SeveritySchema };
const explainedChange = { ...change, reason: ReasonSchema };

export const SeverityRaisedSchema = eventSchema('severity-raised', explainedChange);
export const SeverityDowngradeProposedSchema = eventSchema('severity-downgrade-proposed', explainedChange);
export const SeverityDowngradeConsentedSchema = eventSchema('severity-downgrade-consented', change);
export const SeverityDowngradeRefusedSchema = eventSchema('severity-downgrade-refused', change);
