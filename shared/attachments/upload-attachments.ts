/**
 * One upload request, from any door (the API, the status page, the console, the intake form): the
 * files are received one by one, the good ones join the ticket in one write, and each refused one
 * is named with its reason. A refused file never costs the others: they are attached all the same.
 */
import { createHash } from 'node:crypto';
import type { Attachment, AttachmentVisibility } from '../domain/attachments/attachment';
import { AttachmentVisibilitySchema } from '../domain/attachments/attachment';
import type { AttachmentLimits } from '../domain/attachments/attachment-limits';
import type { Instant } from '../domain/primitives';
import type { Actor } from '../domain/ticket/actor';
import type { Ticket } from '../domain/ticket/ticket';
import type { Rejection } from '../domain/commands/decision';
import { isMultipart } from '../http-edge/multipart-body';
import type { BodySource } from '../http-edge/request-body';
import type { StoreFailure } from '../store/store-failure';
import type { ApplyToTicket } from '../ticket-service/apply-to-ticket';
import { attachStoredFiles, attachmentOf } from './attach-stored-files';
import type { AttachmentStore } from './attachment-store';
import type { StoredFile } from './receive-file';
import { discardStored, receiveUploads, type RefusedFile } from './receive-uploads';

/** The form field files are sent in, on every page and in the API. */
export const FILE_FIELD = 'file';
/** The field staff say who may see the files with: `requester` (the default) or `internal`. */
export const VISIBILITY_FIELD = 'visibility';

/**
 * The console's field naming one drawing of its page: the same files sent twice from it, with the
 * same visibility, are one batch and attached once. Forms without it attach every sending.
 */
export const PAGE_FIELD = 'page';

export interface AttachmentPort {
  readonly limits: AttachmentLimits;
  /** Absent when this environment keeps no attachments. */
  readonly store: AttachmentStore | undefined;
}

export interface UploadRequest {
  readonly ticket: Ticket;
  readonly actor: Actor;
  readonly source: BodySource;
  /** Staff may mark files internal; a requester's files are always theirs to see. */
  readonly mayMarkInternal: boolean;
  readonly now: Instant;
}

export type UploadOutcome =
  | { readonly kind: 'done'; readonly ticket: Ticket; readonly attached: readonly Attachment[]; readonly refused: readonly RefusedFile[]; readonly fields: Readonly<Record<string, string[]>> }
  | { readonly kind: 'not-multipart' }
  | { readonly kind: 'unreadable'; readonly reason: string }
  | { readonly kind: 'invalid-visibility' }
  | { readonly kind: 'not-configured' }
  | { readonly kind: 'rejected'; readonly rejection: Rejection }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'unavailable'; readonly failure: StoreFailure }
  | { readonly kind: 'failed'; readonly reason: string };

function visibilityOf(fields: Readonly<Record<string, string[]>>, mayMarkInternal: boolean): AttachmentVisibility | undefined {
  const said = fields[VISIBILITY_FIELD]?.at(-1);
  if (said === undefined || said === '') return 'requester';
  const parsed = AttachmentVisibilitySchema.safeParse(said);
  if (!parsed.success) return undefined;
  return parsed.data === 'internal' && !mayMarkInternal ? undefined : parsed.data;
}

function batchCommandId(fields: Readonly<Record<string, string[]>>, visibility: AttachmentVisibility, files: readonly StoredFile[]): string | undefined {
  const page = fields[PAGE_FIELD]?.at(-1);
  if (page === undefined || page === '') return undefined;
  const hash = createHash('sha256').update(page).update('\n').update(visibility);
  for (const file of files) hash.update('\n').update(file.sha256).update(' ').update(file.name);
  return `upload:${hash.digest('base64url')}`;
}

export async function uploadAttachments(apply: ApplyToTicket, attachments: AttachmentPort, request: UploadRequest): Promise<UploadOutcome> {
  if (!isMultipart(request.source)) return { kind: 'not-multipart' };
  const store = attachments.store;
  if (store === undefined) return { kind: 'not-configured' };
  const { ticketNumber } = request.ticket;
  const uploads = await receiveUploads(store, request.source, {
    ticketNumber,
    existing: request.ticket.attachments ?? [],
    limits: attachments.limits,
    fileField: FILE_FIELD,
  });
  const { read, stored, refused, fields } = uploads;
  const giveUp = async <Outcome>(outcome: Outcome): Promise<Outcome> => {
    await discardStored(store, ticketNumber, stored);
    return outcome;
  };
  if (uploads.storeFailure !== undefined) return giveUp({ kind: 'unavailable', failure: uploads.storeFailure });
  if (read.kind === 'failed') return giveUp({ kind: 'failed', reason: read.reason });
  if (read.kind === 'malformed') return giveUp({ kind: 'unreadable', reason: `the form could not be read: ${read.reason}` });
  const tooMany = read.kind === 'too-many' ? [{ name: '(more files)', reason: `more than ${String(attachments.limits.maxFilesPerTicket)} files were sent at once` }] : [];
  const visibility = visibilityOf(fields, request.mayMarkInternal);
  if (visibility === undefined) return giveUp({ kind: 'invalid-visibility' });
  if (stored.length === 0) return { kind: 'done', ticket: request.ticket, attached: [], refused: [...refused, ...tooMany], fields };
  const commandId = batchCommandId(fields, visibility, stored);
  const result = await attachStoredFiles(apply, store, {
    ticketNumber,
    files: stored,
    actor: request.actor,
    visibility,
    limits: attachments.limits,
    now: request.now,
    ...(commandId === undefined ? {} : { commandId }),
  });
  switch (result.kind) {
    case 'applied':
    case 'unchanged':
      return { kind: 'done', ticket: result.ticket, attached: stored.map((file) => attachmentOf(file, { actor: request.actor, visibility, now: request.now })), refused: [...refused, ...tooMany], fields };
    case 'rejected':
      return { kind: 'rejected', rejection: result.rejection };
    case 'not-found':
      return { kind: 'not-found' };
    case 'unavailable':
      return { kind: 'unavailable', failure: result.failure };
    case 'failed':
      return { kind: 'failed', reason: result.reason };
  }
}
