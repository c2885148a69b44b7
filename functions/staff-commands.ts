/**
 * POST /api/staff/tickets/{ticketNumber}/commands: an engineer, team lead, TAM or admin issues a
 * domain command as themselves; the domain's role matrix and rules decide, the service saves.
 */
import { app } from '@azure/functions';
import * as df from 'durable-functions';
import { apiOperation, functionRoute } from '../shared/http-api/api-operations';
import { appTicketApiPort } from '../shared/http-api/app-ticket-api';
import { staffCommandHandler } from '../shared/http-api/staff-handlers';
import { withProblemBoundary } from '../shared/http-edge/problem-boundary';

const operation = apiOperation('staffCommand');

app.http(operation.operationId, {
  route: functionRoute(operation.path),
  methods: [operation.method],
  authLevel: 'anonymous',
  // The Durable client wakes the ticket's orchestration after the change is saved.
  extraInputs: [df.input.durableClient()],
  handler: withProblemBoundary(staffCommandHandler({ port: appTicketApiPort })),
});
