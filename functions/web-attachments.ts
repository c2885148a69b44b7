/**
 * The status page's files: POST /tickets/{ticketNumber}/attachments (the upload form, multipart)
 * and GET /tickets/{ticketNumber}/attachments/{attachmentId} (a download), both opened by the
 * requester's access cookie.
 */
import { app, type HttpRequest, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { appAttachments } from '../shared/attachments/app-attachments';
import { withPageBoundary } from '../shared/web/page-boundary';
import { attachmentDownloadGet, attachmentUploadPost, ATTACHMENTS_ROUTE_SUFFIX } from '../shared/web/status/attachment-page-handlers';
import { TICKET_PAGE_ROUTE } from '../shared/web/site-routes';
import { requesterPagePort } from '../shared/web/web-services';

app.http('webAttachmentUpload', {
  route: `${TICKET_PAGE_ROUTE}/${ATTACHMENTS_ROUTE_SUFFIX}`,
  methods: ['POST'],
  authLevel: 'anonymous',
  extraInputs: [df.input.durableClient()],
  handler: withPageBoundary((request: HttpRequest, context: InvocationContext) => attachmentUploadPost(request, requesterPagePort(context), appAttachments())),
});

app.http('webAttachmentDownload', {
  route: `${TICKET_PAGE_ROUTE}/${ATTACHMENTS_ROUTE_SUFFIX}/{attachmentId}`,
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: withPageBoundary((request: HttpRequest, context: InvocationContext) => attachmentDownloadGet(request, requesterPagePort(context), appAttachments())),
});
