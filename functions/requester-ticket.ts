/** GET /api/tickets/{ticketNumber}: the requester's view of their ticket, opened by its access token. */
import { registerApiFunction } from '../shared/http-api/api-function';
import { appTicketApiPort } from '../shared/http-api/app-ticket-api';
import { requesterTicketHandler } from '../shared/http-api/requester-handlers';

registerApiFunction('requesterTicket', requesterTicketHandler(appTicketApiPort));
