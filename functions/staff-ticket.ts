/** GET /api/staff/tickets/{ticketNumber}: a ticket in full for staff, internal notes and SLA explanations included. */
import { app } from '@azure/functions';
import { apiOperation, functionRoute } from '../shared/http-api/api-operations';
import { appTicketApiPort } from '../shared/http-api/app-ticket-api';
import { staffTicketHandler } from '../shared/http-api/staff-handlers';
import { withProblemBoundary } from '../shared/http-edge/problem-boundary';

const operation = apiOperation('staffTicket');

app.http(operation.operationId, {
  route: functionRoute(operation.path),
  methods: [operation.method],
  authLevel: 'anonymous',
  handler: withProblemBoundary(staffTicketHandler({ port: appTicketApiPort })),
});
