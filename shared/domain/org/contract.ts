/**
 * A support contract, which is also the customer's record: the company, its tenants, who may ask
 * for support under it (verified email domains and registered contacts), its plan and add-ons,
 * when it is in force, and the TAM to alert for Severity A.
 */
import { z } from 'zod';
import { Instant, InstantSchema, SlugSchema } from '../primitives';
import { FIELD_LIMITS, TenantDomainSchema } from '../intake/intake-fields';

export const AddOnSchema = z.enum(['on-premises']);
export type AddOn = z.infer<typeof AddOnSchema>;

export const EmailDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/, 'must be an email domain such as contoso.com');

/** A registered contact's address, normalised the way a requester's address is compared. */
export const ContactAddressSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(FIELD_LIMITS.email)
  .pipe(z.email({ message: 'must be an email address' }));

export const ContractSchema = z
  .object({
    id: SlugSchema,
    company: z.string().trim().min(1).max(160),
    tenantDomains: z.array(TenantDomainSchema).default([]),
    /** Verified email domains: anyone writing from one of these exactly (not a subdomain) is the customer's. */
    emailDomains: z.array(EmailDomainSchema).default([]),
    /** Addresses outside those domains (a partner, a personal mailbox) the support desk has registered. */
    contacts: z.array(ContactAddressSchema).default([]),
    plan: SlugSchema,
    addOns: z.array(AddOnSchema).default([]),
    /** In force from `activeFrom` (inclusive) until `activeUntil` (exclusive). */
    activeFrom: InstantSchema,
    activeUntil: InstantSchema,
    tamEmail: z.email().optional(),
    tamName: z.string().trim().min(1).max(120).optional(),
  })
  // Naming a tenant proves nothing about the requester, so a customer nobody can be recognised by
  // email is a customer nobody is entitled under.
  .refine((contract) => contract.emailDomains.length + contract.contacts.length > 0, {
    message: 'a contract lists at least one verified email domain or registered contact: requesters are recognised by their email address, never by the tenant they name',
    path: ['emailDomains'],
  })
  .refine((contract) => Date.parse(contract.activeFrom) < Date.parse(contract.activeUntil), {
    message: 'a contract ends after it starts',
    path: ['activeUntil'],
  });
export type Contract = z.infer<typeof ContractSchema>;

export function isContractActive(contract: Contract, now: Instant): boolean {
  const at = Date.parse(now);
  return Date.parse(contract.activeFrom) <= at && at < Date.parse(contract.activeUntil);
}

export function hasAddOn(contract: Contract, addOn: AddOn): boolean {
  return contract.addOns.includes(addOn);
}
