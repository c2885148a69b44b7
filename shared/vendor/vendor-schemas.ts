/**
 * The upstream vendor's service-request API, modelled on Partner Center's ServiceRequest resource
 * (camelCase JSON: title, description, severity, supportTopicId, status, notes, createdDate,
 * lastModifiedDate). Every response the client receives is parsed with these schemas.
 */
import { z } from 'zod';

/** Partner Center's severities; Baton maps Sev A/B/C onto critical/moderate/minimal. */
export const VendorSeveritySchema = z.enum(['critical', 'moderate', 'minimal']);
export type VendorSeverity = z.infer<typeof VendorSeveritySchema>;

export const VendorCaseStatusSchema = z.enum(['open', 'in-progress', 'resolved', 'closed']);
export type VendorCaseStatus = z.infer<typeof VendorCaseStatusSchema>;

/** Where the vendor engineer found the problem to live; null until they say. */
export const VendorScopeSchema = z.enum(['cloud', 'on-premises']);
export type VendorScope = z.infer<typeof VendorScopeSchema>;

export const VendorContactSchema = z.object({
  firstName: z.string().min(1),
  lastName: z.string().min(1),
  email: z.email(),
  phoneNumber: z.string().optional(),
});
export type VendorContact = z.infer<typeof VendorContactSchema>;

/** The customer organisation the case is about; `id` is its tenant domain (e.g. contoso.onmicrosoft.com). */
export const VendorOrganizationSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
});

export const VendorNoteSchema = z.object({
  text: z.string(),
  createdByName: z.string(),
  createdDate: z.iso.datetime({ offset: true }),
});
export type VendorNote = z.infer<typeof VendorNoteSchema>;

/** What Baton sends to open a case. `supportTopicId` carries the product area. */
export const NewServiceRequestSchema = z.object({
  title: z.string().min(1).max(255),
  description: z.string().min(1),
  severity: VendorSeveritySchema,
  supportTopicId: z.string().min(1),
  supportTopicName: z.string().optional(),
  productName: z.string().optional(),
  organization: VendorOrganizationSchema,
  primaryContact: VendorContactSchema,
});
export type NewServiceRequest = z.infer<typeof NewServiceRequestSchema>;

export const ServiceRequestSchema = NewServiceRequestSchema.extend({
  id: z.string().min(1),
  status: VendorCaseStatusSchema,
  scope: VendorScopeSchema.nullable(),
  notes: z.array(VendorNoteSchema),
  createdDate: z.iso.datetime({ offset: true }),
  lastModifiedDate: z.iso.datetime({ offset: true }),
  lastClosedDate: z.iso.datetime({ offset: true }).nullable(),
});
export type ServiceRequest = z.infer<typeof ServiceRequestSchema>;

export const NewNoteSchema = z.object({
  text: z.string().min(1),
  createdByName: z.string().min(1),
});
export type NewNote = z.infer<typeof NewNoteSchema>;

/** `PATCH /v1/servicerequests/{id}` body: Partner Center adds notes through `newNote`. */
export const ServiceRequestPatchSchema = z.object({ newNote: NewNoteSchema });

/** Error body of every non-2xx answer. */
export const VendorErrorBodySchema = z.object({
  code: z.string(),
  description: z.string(),
});

export const VendorCaseChangeSchema = z.enum(['note-added', 'status-changed', 'scope-declared']);
export type VendorCaseChange = z.infer<typeof VendorCaseChangeSchema>;

/**
 * The body the vendor POSTs to Baton's callback endpoint when a case changes. `sequence` grows with
 * every change of one case, so a receiver can drop a delivery older than one it already applied.
 */
export const VendorCallbackEventSchema = z.object({
  eventId: z.uuid(),
  eventType: z.literal('servicerequest.updated'),
  change: VendorCaseChangeSchema,
  sequence: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  serviceRequest: ServiceRequestSchema,
});
export type VendorCallbackEvent = z.infer<typeof VendorCallbackEventSchema>;
