/**
 * A file attached to a ticket: what the ticket document and its timeline keep about it. The bytes
 * live in blob storage under the ticket's own prefix; this is the record people and rules read.
 */
import { z } from 'zod';
import { InstantSchema } from '../primitives';
import { ActorSchema } from '../ticket/actor';
import { AttachmentKindSchema } from './attachment-kinds';

/** Random, lower-case letters and digits only: safe in a URL path and a blob name as it is. */
export const AttachmentIdSchema = z.string().regex(/^[a-z0-9]{20,40}$/, 'must be an attachment id');
export type AttachmentId = z.infer<typeof AttachmentIdSchema>;

/** `requester`: the requester and staff see it; `internal`: staff only (a staff upload may be either). */
export const AttachmentVisibilitySchema = z.enum(['requester', 'internal']);
export type AttachmentVisibility = z.infer<typeof AttachmentVisibilitySchema>;

export const AttachmentSchema = z
  .object({
    id: AttachmentIdSchema,
    /** The sanitised file name it is offered for download under. */
    name: z.string().min(1).max(255),
    size: z.number().int().nonnegative(),
    kind: AttachmentKindSchema,
    /** The type it is served as, from its sniffed kind: never one a browser would render as a page. */
    contentType: z.string().min(3).max(100),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    uploadedAt: InstantSchema,
    uploadedBy: ActorSchema,
    visibility: AttachmentVisibilitySchema,
  })
  .meta({ id: 'Attachment' });
export type Attachment = z.infer<typeof AttachmentSchema>;

/** Where a ticket's attachment's bytes are kept: one prefix per ticket, so a ticket's files go together. */
export function attachmentBlobName(ticketNumber: string, id: AttachmentId): string {
  return `${attachmentPrefix(ticketNumber)}${id}`;
}

export function attachmentPrefix(ticketNumber: string): string {
  return `tickets/${ticketNumber}/`;
}
