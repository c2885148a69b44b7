/**
 * Why a ticket cannot be worked: the reasons validation gives, every one of them, so the
 * requester can fix everything in one go. Recorded on the timeline and emailed.
 */
import { z } from 'zod';

export const ValidationReasonCodeSchema = z.enum([
  // Entitlement: who the requester is and what their contract covers.
  'no-contract',
  'tenant-domain-not-registered',
  'company-not-on-contract',
  'contract-not-active',
  'severity-not-in-plan',
  'on-premises-not-covered',
  // Mandatory information: what the web form requires and what the catalogue knows.
  'missing-field',
  'malformed-field',
  'product-area-unknown',
  'product-area-not-covered',
  'description-unclear',
]);
export type ValidationReasonCode = z.infer<typeof ValidationReasonCodeSchema>;

export const ValidationReasonSchema = z.object({
  code: ValidationReasonCodeSchema,
  /** Dotted path of the field at fault, when one field is. */
  field: z.string().min(1).optional(),
  message: z.string().min(1),
});
export type ValidationReason = z.infer<typeof ValidationReasonSchema>;
