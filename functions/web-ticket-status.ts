/** GET /tickets/{ticketNumber}: the requester's status page, opened from the access link in their email. */
import { app, type HttpRequest, type InvocationContext } from '@azure/functions';
import { appAttachments } from '../shared/attachments/app-attachments';
import { withPageBoundary } from '../shared/web/page-boundary';
import { ticketStatusGet } from '../shared/web/status/ticket-page-handlers';
import { TICKET_PAGE_ROUTE } from '../shared/web/site-routes';
import { requesterPagePort } from '../shared/web/web-services';

app.http('webTicketStatus', {
  route: TICKET_PAGE_ROUTE,
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: withPageBoundary((request: HttpRequest, context: InvocationContext) => ticketStatusGet(request, requesterPagePort(context), appAttachments())),
});
