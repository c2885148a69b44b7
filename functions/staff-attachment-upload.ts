/** POST /staff/tickets/{ticketNumber}/attachments: files attached from the staff console's ticket page. */
import { app, type HttpRequest, type InvocationContext } from '@azure/functions';
import { appAttachments } from '../shared/attachments/app-attachments';
import { appTicketApiPort } from '../shared/http-api/app-ticket-api';
import { withPageBoundary } from '../shared/web/page-boundary';
import { staffPage } from '../shared/web/staff/session/app-staff-session';
import { STAFF_ROUTES } from '../shared/web/staff/staff-routes';
import { staffAttachmentUpload } from '../shared/web/staff/ticket/staff-attachment-upload';

app.http('staffConsoleAttachmentUpload', {
  route: `${STAFF_ROUTES.ticket}/attachments`,
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: withPageBoundary((request: HttpRequest, context: InvocationContext) =>
    staffPage(staffAttachmentUpload({ port: appTicketApiPort(context), attachments: appAttachments() }))(request, context),
  ),
});
