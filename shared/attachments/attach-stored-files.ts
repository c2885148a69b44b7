/**
 * Stored files join the ticket's record through the one way a ticket changes: an `attach-file`
 * command per file, decided together in one write. If the ticket refuses them (closed meanwhile, a
 * concurrent upload took the room), their blobs are deleted, so no file is kept that no record names.
 */
import type { Attachment, AttachmentVisibility } from '../domain/attachments/attachment';
import type { AttachmentLimits } from '../domain/attachments/attachment-limits';
import type { Command } from '../domain/commands/commands';
import type { Instant } from '../domain/primitives';
import type { Actor } from '../domain/ticket/actor';
import type { TicketNumber } from '../domain/ticket/ticket-number';
import type { ApplyResult, ApplyToTicket } from '../ticket-service/apply-to-ticket';
import type { AttachmentStore } from './attachment-store';
import type { StoredFile } from './receive-file';
import { discardStored } from './receive-uploads';

export interface AttachStoredRequest {
  readonly ticketNumber: TicketNumber;
  readonly files: readonly StoredFile[];
  readonly actor: Actor;
  readonly visibility: AttachmentVisibility;
  readonly limits: AttachmentLimits;
  readonly now: Instant;
  /** Names the batch, so the same files sent twice (a double click) are attached once. */
  readonly commandId?: string;
}

export function attachmentOf(file: StoredFile, request: Pick<AttachStoredRequest, 'actor' | 'visibility' | 'now'>): Attachment {
  return { ...file, uploadedAt: request.now, uploadedBy: request.actor, visibility: request.visibility };
}

export async function attachStoredFiles(apply: ApplyToTicket, store: AttachmentStore, request: AttachStoredRequest): Promise<ApplyResult> {
  const commands: Command[] = request.files.map((file) => ({ type: 'attach-file', actor: request.actor, attachment: attachmentOf(file, request), limits: request.limits }));
  const result = await apply(request.ticketNumber, () => commands, request.now, request.commandId === undefined ? undefined : { commandId: request.commandId });
  // A replay attached the first sending's blobs; this sending's are named by no record.
  if (result.kind === 'applied' && result.replayed) await discardStored(store, request.ticketNumber, request.files);
  // Only a sure refusal deletes: after an outage the write may have landed, and a record naming a
  // missing file is worse than a blob no record names.
  if (result.kind === 'rejected' || result.kind === 'not-found') await discardStored(store, request.ticketNumber, request.files);
  return result;
}
