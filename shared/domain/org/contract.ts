/**
 * A support contract: which organisation it covers (by tenant and email domains), its plan and
 * add-ons, when it is in force, and the TAM to alert for Severity A.
 */
import { z } from 'zod';
import { Instant, InstantSchema, SlugSchema } from '../primitives';
import { TenantDomainSchema } from '../intake/intake-fields';

export const AddOnSchema = z.enum(['on-premises']);
export type AddOn = z.infer<typeof AddOnSchema>;

export const EmailDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/, 'must be an email domain such as contoso.com');

export const ContractSchema = z
  .object({
    id: SlugSchema,
    company: z.string().trim().min(1).max(160),
    tenantDomains: z.array(TenantDomainSchema).default([]),
    emailDomains: z.array(EmailDomainSchema).default([]),
    plan: SlugSchema,
    addOns: z.array(AddOnSchema).default([]),
    /** In force from `activeFrom` (inclusive) until `activeUntil` (exclusive). */
    activeFrom: InstantSchema,
    activeUntil: InstantSchema,
    tamEmail: z.email().optional(),
    tamName: z.string().trim().min(1).max(120).optional(),
  })
  .refine((contract) => contract.tenantDomains.length + contract.emailDomains.length > 0, {
    message: 'a contract names at least one tenant or email domain, or nobody could be matched to it',
    path: ['tenantDomains'],
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
