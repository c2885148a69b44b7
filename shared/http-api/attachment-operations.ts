/** The attachment operations of the API catalogue: upload and download, for the requester and for staff. */
import type { ApiOperation } from './api-operation';
import { AttachmentPathSchema, AttachmentUploadBodySchema, CustomerUploadAnswerSchema, DownloadedFileSchema, StaffUploadAnswerSchema } from './attachment-views';

const TICKET_PATH_ONLY = AttachmentPathSchema.pick({ ticketNumber: true });
const UPLOAD_PROBLEMS = [400, 413, 415, 409, 422, 503] as const;
const DOWNLOAD_MEDIA_TYPE = 'application/octet-stream';

export const ATTACHMENT_OPERATIONS: readonly ApiOperation[] = [
  {
    operationId: 'requesterAttachmentUpload',
    method: 'POST',
    path: '/api/tickets/{ticketNumber}/attachments',
    summary: 'Attach files to your ticket (logs, text, JSON, HAR, zip, images, PDF, .evtx, .etl), checked by content and size.',
    tag: 'requester',
    credential: 'requester',
    pathParameters: TICKET_PATH_ONLY,
    body: { schema: AttachmentUploadBodySchema, required: true, formToo: false, multipart: true },
    success: { status: 200, description: 'The files attached.', schema: CustomerUploadAnswerSchema },
    problems: [401, 404, ...UPLOAD_PROBLEMS],
  },
  {
    operationId: 'requesterAttachmentDownload',
    method: 'GET',
    path: '/api/tickets/{ticketNumber}/attachments/{attachmentId}',
    summary: 'Download a file of your ticket (internal files are not yours to see).',
    tag: 'requester',
    credential: 'requester',
    pathParameters: AttachmentPathSchema,
    success: { status: 200, description: 'The file, always as a download.', schema: DownloadedFileSchema, mediaType: DOWNLOAD_MEDIA_TYPE },
    problems: [401, 404, 503],
  },
  {
    operationId: 'staffAttachmentUpload',
    method: 'POST',
    path: '/api/staff/tickets/{ticketNumber}/attachments',
    summary: 'Attach files to a ticket as yourself; `visibility=internal` keeps them from the requester.',
    tag: 'staff',
    credential: 'staff',
    pathParameters: TICKET_PATH_ONLY,
    body: { schema: AttachmentUploadBodySchema, required: true, formToo: false, multipart: true },
    success: { status: 200, description: 'The files attached, with their full records.', schema: StaffUploadAnswerSchema },
    problems: [401, 403, 404, ...UPLOAD_PROBLEMS],
  },
  {
    operationId: 'staffAttachmentDownload',
    method: 'GET',
    path: '/api/staff/tickets/{ticketNumber}/attachments/{attachmentId}',
    summary: 'Download any file of a ticket, internal ones included.',
    tag: 'staff',
    credential: 'staff',
    pathParameters: AttachmentPathSchema,
    success: { status: 200, description: 'The file, always as a download.', schema: DownloadedFileSchema, mediaType: DOWNLOAD_MEDIA_TYPE },
    problems: [401, 403, 404, 503],
  },
];
