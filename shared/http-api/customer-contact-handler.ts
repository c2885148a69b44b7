/**
 * POST /api/staff/contracts/{contractId}/contacts: a team lead or admin registers a customer
 * contact. The caller's role is checked before anything else is read, so a caller without the
 * right learns nothing about contracts or bodies; bad input is a problem with field errors.
 */
import type { HttpHandler, InvocationContext } from '@azure/functions';
import type { StaffTokenPolicy } from '../auth/staff-token';
import { ContactRegistrationBodySchema, mayRegisterContacts } from '../domain/org/contact-registration';
import type { Contract } from '../domain/org/contract';
import { SlugSchema } from '../domain/primitives';
import { fieldErrorsFromZod } from '../http-edge/field-errors';
import { forbiddenProblem, notFoundProblem, serviceUnavailableProblem, validationProblem } from '../http-edge/problem';
import { readRequestBody } from '../http-edge/request-body';
import { problemForStoreFailure } from '../http-edge/store-failure-problem';
import { eventLog } from '../logging/structured-log';
import type { CustomerContactRequest, StoredContactRegistration } from '../org-config/register-customer-contact';
import type { CustomerContactsView } from './customer-contact-operation';
import { requestPath, viewResponse } from './request-parts';
import { authenticateStaff, configuredStaffTokenPolicy } from './staff-authentication';
import { TicketServiceFault } from './ticket-outcomes';

export interface CustomerContactPort {
  registerCustomerContact(request: CustomerContactRequest): Promise<StoredContactRegistration>;
}

export interface CustomerContactHandlerDependencies {
  readonly port: (context: InvocationContext) => CustomerContactPort;
  readonly tokenPolicy?: () => StaffTokenPolicy;
}

const NOT_ALLOWED = 'Only a team lead or an admin can register a customer contact.';
/** Another desk was registering at the same moment: a second later the write goes through. */
const CONTENDED_RETRY_SECONDS = 1;

function contactsView(contract: Contract, registered: boolean): CustomerContactsView {
  return { contractId: contract.id, company: contract.company, registered, contacts: contract.contacts, emailDomains: contract.emailDomains };
}

export function customerContactHandler(dependencies: CustomerContactHandlerDependencies): HttpHandler {
  return async (request, context) => {
    const instance = requestPath(request);
    const staff = await authenticateStaff(request, instance, (dependencies.tokenPolicy ?? configuredStaffTokenPolicy)());
    if (staff.kind === 'refused') return staff.response;
    const principal = staff.principal;
    if (!mayRegisterContacts(principal.roles)) return forbiddenProblem({ instance, detail: NOT_ALLOWED });
    const contractId = SlugSchema.safeParse(request.params.contractId);
    if (!contractId.success) return notFoundProblem({ instance, detail: 'There is no such contract.' });
    const read = await readRequestBody(request, { instance });
    if (read.kind === 'rejected') return read.response;
    const body = ContactRegistrationBodySchema.safeParse(read.body);
    if (!body.success) return validationProblem(fieldErrorsFromZod(body.error), { instance });

    const registration = await dependencies.port(context).registerCustomerContact({
      contractId: contractId.data,
      email: body.data.email,
      roles: principal.roles,
      registrar: { id: principal.id, name: principal.name },
    });
    // The address itself stays out of the log; the stored configuration records who changed it last.
    eventLog(context).info('customer-contact-registration', { contractId: contractId.data, outcome: registration.kind, by: principal.id });
    switch (registration.kind) {
      case 'registered':
        return viewResponse(contactsView(registration.contract, true));
      case 'already-recognised':
        return viewResponse(contactsView(registration.contract, false));
      case 'forbidden':
        return forbiddenProblem({ instance, detail: registration.message });
      case 'unknown-contract':
        return notFoundProblem({ instance, detail: registration.message });
      case 'contended':
        return serviceUnavailableProblem(CONTENDED_RETRY_SECONDS, { instance });
      case 'failed':
        return problemForStoreFailure(registration.failure, { instance });
      case 'not-configured':
        throw new TicketServiceFault(registration.reason);
    }
  };
}
