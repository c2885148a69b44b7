/** GET /api/tickets/{ticketNumber}: the requester's view of their ticket, opened by its access token. */
import { app } from '@azure/functions';
import { apiOperation, functionRoute } from '../shared/http-api/api-operations';
import { appTicketApiPort } from '../shared/http-api/app-ticket-api';
import { requesterTicketHandler } from '../shared/http-api/requester-handlers';
import { withProblemBoundary } from '../shared/http-edge/problem-boundary';

const operation = apiOperation('requesterTicket');

app.http(operation.operationId, {
  route: functionRoute(operation.path),
  methods: [operation.method],
  authLevel: 'anonymous',
  handler: withProblemBoundary(requesterTicketHandler(appTicketApiPort)),
});
