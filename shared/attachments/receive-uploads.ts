/**
 * A multipart request's files, each received on its own (judged, limited, stored under the
 * ticket's prefix) and its text fields kept: what was stored, what was refused and why, and
 * whether the store failed. Nothing here touches the ticket document; `attachStoredFiles` does.
 */
import type { Attachment } from '../domain/attachments/attachment';
import type { AttachmentLimits } from '../domain/attachments/attachment-limits';
import { readMultipart, type MultipartRead } from '../http-edge/multipart-body';
import type { BodySource } from '../http-edge/request-body';
import type { StoreFailure } from '../store/store-failure';
import type { AttachmentStore } from './attachment-store';
import { receiveFile, type StoredFile } from './receive-file';

export interface RefusedFile {
  readonly name: string;
  readonly reason: string;
}

export interface ReceivedUploads {
  readonly read: MultipartRead;
  readonly fields: Readonly<Record<string, string[]>>;
  readonly stored: readonly StoredFile[];
  readonly refused: readonly RefusedFile[];
  /** Set when the store failed: the files after it were not tried. */
  readonly storeFailure?: StoreFailure;
}

export interface UploadTarget {
  readonly ticketNumber: string;
  readonly existing: readonly Pick<Attachment, 'size'>[];
  readonly limits: AttachmentLimits;
  /** The form field files come in; files under any other name are refused. */
  readonly fileField: string;
}

/** Extra files beyond the ticket's count still arrive as parts, to be named as refused. */
const EXTRA_PARTS = 5;

export async function receiveUploads(store: AttachmentStore, source: BodySource, target: UploadTarget): Promise<ReceivedUploads> {
  const fields: Record<string, string[]> = {};
  const stored: StoredFile[] = [];
  const refused: RefusedFile[] = [];
  let storeFailure: StoreFailure | undefined;
  const ready = await store.ensureContainer();
  if (!ready.ok) storeFailure = ready.failure;
  const read = await readMultipart(
    source,
    { fileBytes: target.limits.maxFileBytes + 1, files: target.limits.maxFilesPerTicket + EXTRA_PARTS },
    {
      onField(name, value) {
        (fields[name] ??= []).push(value);
      },
      async onFile(fieldName, fileName, content) {
        if (storeFailure !== undefined) return;
        if (fieldName !== target.fileField) {
          refused.push({ name: fileName, reason: `was sent as "${fieldName}", not as "${target.fileField}"` });
          return;
        }
        const received = await receiveFile(store, { ticketNumber: target.ticketNumber, fileName, content, existing: [...target.existing, ...stored], limits: target.limits });
        if (received.kind === 'stored') stored.push(received.file);
        else if (received.kind === 'refused') refused.push({ name: received.name, reason: received.reason });
        else storeFailure = received.failure;
      },
    },
  );
  return { read, fields, stored, refused, ...(storeFailure === undefined ? {} : { storeFailure }) };
}

/** The files' blobs, removed when their ticket refuses them or the request fails after storing them. */
export async function discardStored(store: AttachmentStore, ticketNumber: string, files: readonly StoredFile[]): Promise<void> {
  for (const file of files) await store.delete(ticketNumber, file.id);
}
