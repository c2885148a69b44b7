/**
 * The L3 case raised upstream (Microsoft). Our engineer stays the owner; the case only tracks
 * what the vendor says and when we last chased them.
 */
import { z } from 'zod';
import { InstantSchema } from '../primitives';

export const VendorCaseStatusSchema = z.enum(['open', 'investigating', 'awaiting-information', 'solution-provided', 'closed']);
export type VendorCaseStatus = z.infer<typeof VendorCaseStatusSchema>;

export const VendorCaseSchema = z.object({
  caseId: z.string().trim().min(1).max(100),
  openedAt: InstantSchema,
  /** Last follow-up or vendor update: the follow-up timer runs from here. */
  lastCheckedAt: InstantSchema.optional(),
  status: VendorCaseStatusSchema,
});
export type VendorCase = z.infer<typeof VendorCaseSchema>;

export function isVendorCaseActive(vendorCase: VendorCase | undefined): vendorCase is VendorCase {
  return vendorCase !== undefined && vendorCase.status !== 'closed';
}
