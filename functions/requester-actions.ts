/**
 * POST /api/tickets/{ticketNumber}/{action}: the requester replies, answers a proposed resolution
 * or severity downgrade, closes with their own solution, or reopens. One function per action,
 * each a domain command decided through the ticket service; JSON and web-form bodies alike.
 */
import { app } from '@azure/functions';
import * as df from 'durable-functions';
import { apiOperation, functionRoute } from '../shared/http-api/api-operations';
import { appTicketApiPort } from '../shared/http-api/app-ticket-api';
import { REQUESTER_ACTIONS } from '../shared/http-api/requester-actions';
import { requesterActionHandler } from '../shared/http-api/requester-handlers';
import { withProblemBoundary } from '../shared/http-edge/problem-boundary';

for (const action of REQUESTER_ACTIONS) {
  const operation = apiOperation(action.name);
  app.http(operation.operationId, {
    route: functionRoute(operation.path),
    methods: [operation.method],
    authLevel: 'anonymous',
    // The Durable client wakes the ticket's orchestration after the change is saved.
    extraInputs: [df.input.durableClient()],
    handler: withProblemBoundary(requesterActionHandler(action, appTicketApiPort)),
  });
}
