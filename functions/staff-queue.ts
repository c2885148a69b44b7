/** GET /api/queue: open tickets for staff, most urgent SLA deadline first, by queue or status. */
import { registerApiFunction } from '../shared/http-api/api-function';
import { appTicketApiPort } from '../shared/http-api/app-ticket-api';
import { staffQueueHandler } from '../shared/http-api/staff-handlers';

registerApiFunction('staffQueue', staffQueueHandler({ port: appTicketApiPort }));
