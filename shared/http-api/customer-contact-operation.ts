/**
 * The support desk's way to register a customer contact, as the API catalogue describes it: the
 * body is the domain's own registration schema, the answer the contract's contacts afterwards.
 */
import { z } from 'zod';
import { SlugSchema } from '../domain/primitives';
import { ContactRegistrationBodySchema } from '../domain/org/contact-registration';
import type { ApiOperation } from './api-operation';

export const ContractPathSchema = z.object({
  contractId: SlugSchema.meta({ description: 'The contract id in the organisation configuration, e.g. contoso-unified.' }),
});

export const CustomerContactsViewSchema = z
  .object({
    contractId: SlugSchema,
    company: z.string(),
    /** False when the address was already recognised (a contact, or on a verified domain): nothing changed. */
    registered: z.boolean(),
    contacts: z.array(z.string()),
    emailDomains: z.array(z.string()),
  })
  .meta({ id: 'CustomerContacts' });
export type CustomerContactsView = z.infer<typeof CustomerContactsViewSchema>;

export const CUSTOMER_CONTACT_OPERATION: ApiOperation = {
  operationId: 'registerCustomerContact',
  method: 'POST',
  path: '/api/staff/contracts/{contractId}/contacts',
  summary: 'Register a customer contact (team lead or admin): someone outside the customer\'s verified email domains who may then ask for support under this contract.',
  tag: 'staff',
  credential: 'staff',
  pathParameters: ContractPathSchema,
  body: { schema: ContactRegistrationBodySchema, required: true, formToo: false },
  success: { status: 200, description: 'The contract\'s contacts after the registration.', schema: CustomerContactsViewSchema },
  problems: [401, 403, 503, 404, 400, 413, 415],
};
