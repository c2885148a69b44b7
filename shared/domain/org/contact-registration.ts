/**
 * The support desk registers a customer contact: someone outside the customer's verified email
 * domains (a partner's engineer, a personal mailbox) who may then ask for support under the
 * customer's contract. Only team leads and admins may vouch for a person this way.
 */
import { z } from 'zod';
import { ActorRole } from '../primitives';
import { normalisedAddress, speaksForCustomer } from '../entitlement/customer-membership';
import { ContactAddressSchema, Contract } from './contract';

export const CONTACT_REGISTRAR_ROLES: readonly ActorRole[] = ['team-lead', 'admin'];

export const ContactRegistrationBodySchema = z.strictObject({
  email: ContactAddressSchema.meta({ description: 'The contact\'s email address; it is stored lower-cased.', example: 'noah.kim@adatum.com' }),
});
export type ContactRegistrationBody = z.infer<typeof ContactRegistrationBodySchema>;

export function mayRegisterContacts(roles: readonly ActorRole[]): boolean {
  return roles.some((role) => CONTACT_REGISTRAR_ROLES.includes(role));
}

export type ContactRegistration =
  | { readonly kind: 'registered'; readonly contracts: Contract[]; readonly contract: Contract }
  /** Nothing to change: the address is a contact already, or its domain is verified for the customer. */
  | { readonly kind: 'already-recognised'; readonly contract: Contract }
  | { readonly kind: 'forbidden'; readonly message: string }
  | { readonly kind: 'unknown-contract'; readonly message: string };

export interface ContactRegistrationRequest {
  readonly contractId: string;
  /** As parsed by `ContactRegistrationBodySchema`. */
  readonly email: string;
  readonly roles: readonly ActorRole[];
}

export function registerContact(contracts: readonly Contract[], request: ContactRegistrationRequest): ContactRegistration {
  if (!mayRegisterContacts(request.roles)) {
    return { kind: 'forbidden', message: 'Only a team lead or an admin can register a customer contact.' };
  }
  const contract = contracts.find((candidate) => candidate.id === request.contractId);
  if (contract === undefined) {
    return { kind: 'unknown-contract', message: `There is no contract '${request.contractId}'.` };
  }
  const email = normalisedAddress(request.email);
  if (speaksForCustomer(contract, email)) {
    return { kind: 'already-recognised', contract };
  }
  const registered = { ...contract, contacts: [...contract.contacts, email] };
  return { kind: 'registered', contract: registered, contracts: contracts.map((candidate) => (candidate.id === contract.id ? registered : candidate)) };
}
