/** GET /staff/tickets/{ticketNumber}/attachments/{attachmentId}: a ticket's file downloaded from the staff console. */
import { app, type HttpRequest, type InvocationContext } from '@azure/functions';
import { appAttachments } from '../shared/attachments/app-attachments';
import { appTicketApiPort } from '../shared/http-api/app-ticket-api';
import { withPageBoundary } from '../shared/web/page-boundary';
import { staffPage } from '../shared/web/staff/session/app-staff-session';
import { STAFF_ROUTES } from '../shared/web/staff/staff-routes';
import { staffAttachmentDownload } from '../shared/web/staff/ticket/staff-attachment-download';

app.http('staffConsoleAttachmentDownload', {
  route: `${STAFF_ROUTES.ticket}/attachments/{attachmentId}`,
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: withPageBoundary((request: HttpRequest, context: InvocationContext) =>
    staffPage(staffAttachmentDownload(appTicketApiPort(context), appAttachments()))(request, context),
  ),
});
