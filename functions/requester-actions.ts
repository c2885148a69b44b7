/**
 * POST /api/tickets/{ticketNumber}/{action}: the requester replies, answers a proposed resolution
 * or severity downgrade, closes with their own solution, or reopens. One function per action,
 * each a domain command decided through the ticket service; JSON and web-form bodies alike.
 */
import { registerApiFunction } from '../shared/http-api/api-function';
import { appTicketApiPort } from '../shared/http-api/app-ticket-api';
import { REQUESTER_ACTIONS } from '../shared/http-api/requester-actions';
import { requesterActionHandler } from '../shared/http-api/requester-handlers';

// The Durable client wakes the ticket's orchestration after the change is saved.
for (const action of REQUESTER_ACTIONS) registerApiFunction(action.name, requesterActionHandler(action, appTicketApiPort), { durableClient: true });
