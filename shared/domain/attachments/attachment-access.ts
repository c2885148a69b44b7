/**
 * Who may see and download a ticket's attachments: staff see them all; the requester sees those
 * shared with them, never an internal one. An id that is not on this ticket finds nothing, exactly
 * like an unknown one, so one ticket's link opens nothing on another.
 */
import type { Ticket } from '../ticket/ticket';
import type { Attachment } from './attachment';

export type AttachmentViewer = 'requester' | 'staff';

export function attachmentsFor(ticket: Pick<Ticket, 'attachments'>, viewer: AttachmentViewer): Attachment[] {
  const all = ticket.attachments ?? [];
  return viewer === 'staff' ? [...all] : all.filter((attachment) => attachment.visibility === 'requester');
}

export function attachmentFor(ticket: Pick<Ticket, 'attachments'>, id: string, viewer: AttachmentViewer): Attachment | undefined {
  return attachmentsFor(ticket, viewer).find((attachment) => attachment.id === id);
}
