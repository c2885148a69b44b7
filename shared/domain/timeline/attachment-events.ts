/**
 * A file joined the ticket. Two event types, because who may read an event is fixed by its type:
 * a file shared with the requester is on their timeline, an internal one only on staff's.
 */
import { AttachmentSchema } from '../attachments/attachment';
import { eventSchema } from './event-base';

export const AttachmentAddedSchema = eventSchema('attachment-added', { attachment: AttachmentSchema });

export const InternalAttachmentAddedSchema = eventSchema('internal-attachment-added', { attachment: AttachmentSchema });
