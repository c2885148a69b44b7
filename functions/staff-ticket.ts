/** GET /api/staff/tickets/{ticketNumber}: a ticket in full for staff, internal notes and SLA explanations included. */
import { registerApiFunction } from '../shared/http-api/api-function';
import { appTicketApiPort } from '../shared/http-api/app-ticket-api';
import { staffTicketHandler } from '../shared/http-api/staff-handlers';

registerApiFunction('staffTicket', staffTicketHandler({ port: appTicketApiPort }));
