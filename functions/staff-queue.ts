/** GET /api/queue: open tickets for staff, most urgent SLA deadline first, by queue or status. */
import { app } from '@azure/functions';
import { apiOperation, functionRoute } from '../shared/http-api/api-operations';
import { appTicketApiPort } from '../shared/http-api/app-ticket-api';
import { staffQueueHandler } from '../shared/http-api/staff-handlers';
import { withProblemBoundary } from '../shared/http-edge/problem-boundary';

const operation = apiOperation('staffQueue');

app.http(operation.operationId, {
  route: functionRoute(operation.path),
  methods: [operation.method],
  authLevel: 'anonymous',
  handler: withProblemBoundary(staffQueueHandler({ port: appTicketApiPort })),
});
