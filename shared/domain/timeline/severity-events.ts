/**
 * Severity changes on the record. A raise takes effect at once; a downgrade is only proposed and
 * takes effect when the requester consents, so nobody lowers a ticket behind the customer's back.
 */
import { SeveritySchema } from '../primitives';
import { eventSchema, ReasonSchema } from './event-base';

export const SeverityRaisedSchema = eventSchema('severity-raised', {
  from: SeveritySchema,
  to: SeveritySchema,
  reason: ReasonSchema,
});

export const SeverityDowngradeProposedSchema = eventSchema('severity-downgrade-proposed', {
  from: SeveritySchema,
  to: SeveritySchema,
  reason: ReasonSchema,
});

/** Carries both severities so a replay never depends on what was pending. */
export const SeverityDowngradeConsentedSchema = eventSchema('severity-downgrade-consented', {
  from: SeveritySchema,
  to: SeveritySchema,
});

export const SeverityDowngradeRefusedSchema = eventSchema('severity-downgrade-refused', {
  from: SeveritySchema,
  to: SeveritySchema,
});
