/**
 * Attachments as each reader sees them. The requester sees only the files shared with them, by
 * name, size, type and whether they or support sent it; staff see every file's full record.
 */
import { z } from 'zod';
import { attachmentsFor } from '../domain/attachments/attachment-access';
import { AttachmentIdSchema, AttachmentSchema, type Attachment } from '../domain/attachments/attachment';
import { InstantSchema } from '../domain/primitives';
import type { Ticket } from '../domain/ticket/ticket';
import { TicketNumberSchema } from '../domain/ticket/ticket-number';

export const CustomerAttachmentSchema = z
  .object({
    id: AttachmentIdSchema,
    name: z.string(),
    size: z.number().int().nonnegative(),
    contentType: z.string(),
    uploadedAt: InstantSchema,
    from: z.enum(['you', 'support']),
  })
  .meta({ id: 'CustomerAttachment' });
export type CustomerAttachment = z.infer<typeof CustomerAttachmentSchema>;

export function customerAttachments(ticket: Pick<Ticket, 'attachments'>): CustomerAttachment[] {
  return attachmentsFor(ticket, 'requester').map(customerAttachment);
}

export function customerAttachment(attachment: Attachment): CustomerAttachment {
  const { id, name, size, contentType, uploadedAt } = attachment;
  return { id, name, size, contentType, uploadedAt, from: attachment.uploadedBy.role === 'requester' ? 'you' : 'support' };
}

export const AttachmentPathSchema = z.object({
  ticketNumber: TicketNumberSchema.meta({ description: 'The ticket number, e.g. BTN-261123-7K2QD.' }),
  attachmentId: AttachmentIdSchema.meta({ description: 'The attachment id, from the ticket view or the upload answer.' }),
});

export const AttachmentUploadBodySchema = z
  .object({
    file: z.array(z.string().meta({ format: 'binary' })).meta({ description: 'One or more files, each a part named `file`.' }),
    visibility: z.enum(['requester', 'internal']).optional().meta({ description: 'Staff only: `internal` keeps the files from the requester. Default `requester`.' }),
  })
  .meta({ id: 'AttachmentUpload' });

export const CustomerUploadAnswerSchema = z.object({ attached: z.array(CustomerAttachmentSchema) }).meta({ id: 'CustomerAttachmentUploadAnswer' });
export const StaffUploadAnswerSchema = z.object({ attached: z.array(AttachmentSchema) }).meta({ id: 'StaffAttachmentUploadAnswer' });

/** A downloaded file: the bytes, as the type its content was judged to be. */
export const DownloadedFileSchema = z.string().meta({ format: 'binary', description: 'The file, with Content-Disposition: attachment.' });
