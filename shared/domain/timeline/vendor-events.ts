/**
 * The L3 vendor escalation on the record: the engineer's request, the case opened upstream (or
 * the failure to open it), the vendor's updates and our follow-ups.
 */
import { z } from 'zod';
import { ScopeSchema } from '../primitives';
import { VendorCaseStatusSchema } from '../ticket/vendor-case';
import { eventSchema, MessageSchema, ReasonSchema } from './event-base';

export const VendorEscalationRequestedSchema = eventSchema('vendor-escalation-requested', { justification: ReasonSchema });

export const VendorCaseOpenedSchema = eventSchema('vendor-case-opened', { caseId: z.string().trim().min(1).max(100) });

export const VendorCaseFailedSchema = eventSchema('vendor-case-failed', { reason: ReasonSchema });

/** `scope` is set when the vendor establishes where the problem lies (cloud or on-premises). */
export const VendorUpdatedSchema = eventSchema('vendor-updated', {
  note: MessageSchema,
  status: VendorCaseStatusSchema,
  scope: ScopeSchema.optional(),
});

export const VendorFollowedUpSchema = eventSchema('vendor-followed-up', { note: MessageSchema.optional() });
