/**
 * The building blocks of a support request as the requester writes it: each field's shape and
 * limits, shared by the strict web form, the lenient chat hand-over and the stored ticket.
 */
import { z } from 'zod';

/** Upper bounds keep one ticket document small and every field readable on one screen. */
export const FIELD_LIMITS = {
  name: 120,
  email: 254,
  phone: 32,
  company: 160,
  tenantDomain: 253,
  productArea: 60,
  title: 160,
  description: 8000,
  businessImpact: 2000,
  whatWasTried: 4000,
  errorText: 8000,
  reproductionSteps: 4000,
  expectedBehaviour: 2000,
  actualBehaviour: 2000,
  attachmentsNote: 1000,
  transcript: 20000,
} as const;

/** Lower bounds of the web form: enough for an engineer to start without asking again. */
export const FIELD_MINIMUMS = {
  name: 2,
  company: 2,
  title: 8,
  description: 40,
  businessImpact: 10,
} as const;

export function requiredText(min: number, max: number) {
  return z.string().trim().min(min).max(max);
}

/** Blank optional fields arrive as '' from HTML forms; they mean "not given". */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? undefined : value))
    .optional();
}

/** Trimmed, with the address kept as typed; comparisons lower-case it themselves. */
export const EmailAddressSchema = z.string().trim().max(FIELD_LIMITS.email).pipe(z.email({ message: 'must be an email address' }));

export const PhoneSchema = z
  .string()
  .trim()
  .max(FIELD_LIMITS.phone)
  .regex(/^\+?[0-9][0-9 ().-]{5,}$/, 'must be a phone number such as +44 20 7946 0000');

/** The Microsoft 365 / Entra tenant's initial domain, e.g. contoso.onmicrosoft.com. */
export const TenantDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(FIELD_LIMITS.tenantDomain)
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.onmicrosoft\.com$/, 'must be the tenant domain ending in .onmicrosoft.com');

/** The domain part of an email address, lower-cased (how contracts list their email domains). */
/** An address without an `@` is all domain: `lastIndexOf` answers -1, so the slice starts at 0. */
export function emailDomainOf(email: string): string {
  return email
    .slice(email.lastIndexOf('@') + 1)
    .trim()
    .toLowerCase();
}
