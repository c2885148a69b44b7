/**
 * POST /api/staff/contracts/{contractId}/contacts: a team lead or admin registers someone outside
 * a customer's verified email domains as a contact who may ask for support under its contract.
 */
import { registerApiFunction } from '../shared/http-api/api-function';
import { customerContactHandler } from '../shared/http-api/customer-contact-handler';
import { appTicketServices } from '../shared/ticket-service/app-ticket-services';

registerApiFunction('registerCustomerContact', customerContactHandler({ port: () => appTicketServices() }));
