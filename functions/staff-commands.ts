/**
 * POST /api/staff/tickets/{ticketNumber}/commands: an engineer, team lead, TAM or admin issues a
 * domain command as themselves; the domain's role matrix and rules decide, the service saves.
 */
import { registerApiFunction } from '../shared/http-api/api-function';
import { appTicketApiPort } from '../shared/http-api/app-ticket-api';
import { staffCommandHandler } from '../shared/http-api/staff-handlers';

// The Durable client wakes the ticket's orchestration after the change is saved.
registerApiFunction('staffCommand', staffCommandHandler({ port: appTicketApiPort }), { durableClient: true });
