/**
 * Attachments through the API: the requester (access token) and staff (JWT) upload files to a
 * ticket and download them. Uploads wake the ticket's lifecycle like any change, so they get the
 * invocation's Durable client.
 */
import { appAttachments } from '../shared/attachments/app-attachments';
import { registerApiFunction } from '../shared/http-api/api-function';
import { appTicketApiPort } from '../shared/http-api/app-ticket-api';
import {
  requesterAttachmentDownloadHandler,
  requesterAttachmentUploadHandler,
  staffAttachmentDownloadHandler,
  staffAttachmentUploadHandler,
} from '../shared/http-api/attachment-handlers';

const dependencies = { port: appTicketApiPort, attachments: appAttachments };

registerApiFunction('requesterAttachmentUpload', requesterAttachmentUploadHandler(dependencies), { durableClient: true });
registerApiFunction('requesterAttachmentDownload', requesterAttachmentDownloadHandler(dependencies));
registerApiFunction('staffAttachmentUpload', staffAttachmentUploadHandler(dependencies), { durableClient: true });
registerApiFunction('staffAttachmentDownload', staffAttachmentDownloadHandler(dependencies));
