/**
 * What a requester hands over to open a ticket. The web form is strict (everything an engineer
 * needs up front); a chat transcript is lenient and its gaps are caught later by validation.
 */
import { z } from 'zod';
import { ScopeSchema, SeveritySchema, SlugSchema, TimeZoneSchema } from '../primitives';
import {
  EmailAddressSchema,
  FIELD_LIMITS,
  FIELD_MINIMUMS,
  PhoneSchema,
  TenantDomainSchema,
  optionalText,
  requiredText,
} from './intake-fields';

/** The ways a ticket comes in; each has its own intake schema below. */
export const IntakeChannelSchema = z.enum(['web-form', 'chat']);

export const WebFormRequesterSchema = z.strictObject({
  name: requiredText(FIELD_MINIMUMS.name, FIELD_LIMITS.name),
  email: EmailAddressSchema,
  timeZone: TimeZoneSchema,
  /** Sev A commits the requester to answer around the clock; the form asks for it explicitly. */
  available24x7: z.boolean(),
  phone: PhoneSchema.optional(),
});

/** Optional details that make a ticket actionable; the same on both channels. */
const evidenceFields = {
  whatWasTried: optionalText(FIELD_LIMITS.whatWasTried),
  errorText: optionalText(FIELD_LIMITS.errorText),
  reproductionSteps: optionalText(FIELD_LIMITS.reproductionSteps),
  expectedBehaviour: optionalText(FIELD_LIMITS.expectedBehaviour),
  actualBehaviour: optionalText(FIELD_LIMITS.actualBehaviour),
  attachmentsNote: optionalText(FIELD_LIMITS.attachmentsNote),
};

export const WebFormIntakeSchema = z.strictObject({
  /** The form is the default channel: a body without `channel` is a web-form submission. */
  channel: z.literal(IntakeChannelSchema.enum['web-form']).default(IntakeChannelSchema.enum['web-form']),
  requester: WebFormRequesterSchema,
  company: requiredText(FIELD_MINIMUMS.company, FIELD_LIMITS.company),
  tenantDomain: TenantDomainSchema,
  productArea: SlugSchema.max(FIELD_LIMITS.productArea),
  severity: SeveritySchema,
  scope: ScopeSchema,
  title: requiredText(FIELD_MINIMUMS.title, FIELD_LIMITS.title),
  description: requiredText(FIELD_MINIMUMS.description, FIELD_LIMITS.description),
  businessImpact: requiredText(FIELD_MINIMUMS.businessImpact, FIELD_LIMITS.businessImpact),
  ...evidenceFields,
});
export type WebFormIntake = z.infer<typeof WebFormIntakeSchema>;

/** Free-text fields stay free text here: a chat bot's guess must not lose the transcript. */
export const ChatRequesterSchema = z.strictObject({
  name: requiredText(1, FIELD_LIMITS.name),
  email: EmailAddressSchema,
  timeZone: optionalText(64),
  available24x7: z.boolean().optional(),
  phone: optionalText(FIELD_LIMITS.phone),
});
export type ChatRequester = z.infer<typeof ChatRequesterSchema>;

export const ChatIntakeSchema = z.strictObject({
  channel: z.literal(IntakeChannelSchema.enum.chat),
  requester: ChatRequesterSchema,
  company: optionalText(FIELD_LIMITS.company),
  tenantDomain: optionalText(FIELD_LIMITS.tenantDomain),
  productArea: optionalText(FIELD_LIMITS.productArea),
  severity: SeveritySchema.optional(),
  scope: ScopeSchema.optional(),
  title: optionalText(FIELD_LIMITS.title),
  description: requiredText(1, FIELD_LIMITS.description),
  businessImpact: optionalText(FIELD_LIMITS.businessImpact),
  ...evidenceFields,
  /** The conversation itself, kept for the engineer. */
  transcript: optionalText(FIELD_LIMITS.transcript),
});
export type ChatIntake = z.infer<typeof ChatIntakeSchema>;

export const IntakeSchema = z.discriminatedUnion('channel', [WebFormIntakeSchema, ChatIntakeSchema]);
export type Intake = z.infer<typeof IntakeSchema>;
export type IntakeChannel = z.infer<typeof IntakeChannelSchema>;
