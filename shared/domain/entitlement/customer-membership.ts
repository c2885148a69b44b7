/**
 * Whether a requester speaks for a customer: their address is on one of the customer's verified
 * email domains or is one of its registered contacts. The tenant a requester names is a claim,
 * never evidence; this is the evidence.
 */
import { emailDomainOf } from '../intake/intake-fields';
import { Contract } from '../org/contract';

/** Addresses are compared trimmed and lower-cased; nothing else is folded (a `+tag` may be another mailbox). */
export function normalisedAddress(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The domain must be verified exactly: `it.contoso.com` is not `contoso.com`. A subdomain can be
 * delegated to someone else (a mail provider, a subsidiary sold off), and listing one the customer
 * does use is a line of configuration, so the list stays the whole truth of who is verified.
 */
export function isOnVerifiedDomain(contract: Pick<Contract, 'emailDomains'>, email: string): boolean {
  return contract.emailDomains.includes(emailDomainOf(email));
}

export function isRegisteredContact(contract: Pick<Contract, 'contacts'>, email: string): boolean {
  return contract.contacts.includes(normalisedAddress(email));
}

export function speaksForCustomer(contract: Pick<Contract, 'emailDomains' | 'contacts'>, email: string): boolean {
  return isOnVerifiedDomain(contract, email) || isRegisteredContact(contract, email);
}
