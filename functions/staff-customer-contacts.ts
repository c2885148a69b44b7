/**
 * POST /api/staff/contracts/{contractId}/contacts: a team lead or admin registers someone outside
 * a customer's verified email domains as a contact who may ask for support under its contract.
 */
import { app } from '@azure/functions';
import { apiOperation, functionRoute } from '../shared/http-api/api-operations';
import { customerContactHandler } from '../shared/http-api/customer-contact-handler';
import { withProblemBoundary } from '../shared/http-edge/problem-boundary';
import { appTicketServices } from '../shared/ticket-service/app-ticket-services';

const operation = apiOperation('registerCustomerContact');

app.http(operation.operationId, {
  route: functionRoute(operation.path),
  methods: [operation.method],
  authLevel: 'anonymous',
  handler: withProblemBoundary(customerContactHandler({ port: () => appTicketServices() })),
});
