/**
 * Where attachment bytes are kept: one blob container, one prefix per ticket
 * (`tickets/<ticket number>/<attachment id>`), so a ticket's files are listed and deleted together.
 * Every failure comes back as a store failure (an outage answers 503), never as a throw.
 */
import type { Readable } from 'node:stream';
import type { ContainerClient } from '@azure/storage-blob';
import { attachmentBlobName, attachmentPrefix, type AttachmentId } from '../domain/attachments/attachment';
import { classifyStoreError, type StoreFailure } from '../store/store-failure';

export interface StoredBlob {
  readonly name: string;
  readonly size: number;
}

export type StoreOutcome<Value> = { readonly ok: true; readonly value: Value } | { readonly ok: false; readonly failure: StoreFailure };

export interface BlobUpload {
  readonly ticketNumber: string;
  readonly id: AttachmentId;
  readonly content: Readable;
  readonly contentType: string;
}

export interface AttachmentStore {
  /** Locally, creates the container on first use; in Azure the template created it. */
  ensureContainer(): Promise<StoreOutcome<void>>;
  /** Streams the content into a new blob; nothing is kept if the stream fails half-way. */
  upload(upload: BlobUpload): Promise<StoreOutcome<void>>;
  /** The blob's content as a stream, or a `not-found` failure. */
  download(ticketNumber: string, id: AttachmentId): Promise<StoreOutcome<{ readonly content: NodeJS.ReadableStream; readonly size: number }>>;
  list(ticketNumber: string): Promise<StoreOutcome<StoredBlob[]>>;
  delete(ticketNumber: string, id: AttachmentId): Promise<StoreOutcome<void>>;
  /** Every file of the ticket, for the ticket's purge. */
  deleteAllFor(ticketNumber: string): Promise<StoreOutcome<number>>;
}

/** Blocks of 4 MiB, four in flight: a file is streamed, so memory stays near 16 MiB per upload. */
const UPLOAD_BLOCK_BYTES = 4 * 1024 * 1024;
const UPLOAD_CONCURRENCY = 4;

async function attempt<Value>(work: () => Promise<Value>): Promise<StoreOutcome<Value>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, failure: classifyStoreError(error) };
  }
}

export function blobAttachmentStore(container: ContainerClient, options: { readonly createContainer: boolean }): AttachmentStore {
  let ready: Promise<StoreOutcome<void>> | undefined;
  const blob = (ticketNumber: string, id: AttachmentId) => container.getBlockBlobClient(attachmentBlobName(ticketNumber, id));

  async function list(ticketNumber: string): Promise<StoreOutcome<StoredBlob[]>> {
    return attempt(async () => {
      const found: StoredBlob[] = [];
      for await (const item of container.listBlobsFlat({ prefix: attachmentPrefix(ticketNumber) })) {
        found.push({ name: item.name, size: item.properties.contentLength ?? 0 });
      }
      return found;
    });
  }

  return {
    ensureContainer() {
      if (!options.createContainer) return Promise.resolve({ ok: true, value: undefined });
      ready ??= attempt(async () => {
        await container.createIfNotExists();
      }).then((outcome) => {
        // A failure is forgotten so that the next upload tries again.
        if (!outcome.ok) ready = undefined;
        return outcome;
      });
      return ready;
    },
    upload({ ticketNumber, id, content, contentType }) {
      return attempt(async () => {
        // uploadStream commits the block list only at the end: a stream that fails leaves no blob.
        await blob(ticketNumber, id).uploadStream(content, UPLOAD_BLOCK_BYTES, UPLOAD_CONCURRENCY, {
          blobHTTPHeaders: { blobContentType: contentType, blobContentDisposition: 'attachment' },
          conditions: { ifNoneMatch: '*' },
        });
      });
    },
    download(ticketNumber, id) {
      return attempt(async () => {
        const answer = await blob(ticketNumber, id).download();
        const content = answer.readableStreamBody;
        if (content === undefined) throw Object.assign(new Error('the blob answered without a body'), { statusCode: 404 });
        return { content, size: answer.contentLength ?? 0 };
      });
    },
    list,
    delete(ticketNumber, id) {
      return attempt(async () => {
        await blob(ticketNumber, id).deleteIfExists({ deleteSnapshots: 'include' });
      });
    },
    async deleteAllFor(ticketNumber) {
      const listed = await list(ticketNumber);
      if (!listed.ok) return listed;
      return attempt(async () => {
        for (const item of listed.value) await container.deleteBlob(item.name, { deleteSnapshots: 'include' }).catch(ignoreMissing);
        return listed.value.length;
      });
    },
  };
}

function ignoreMissing(error: unknown): void {
  if (classifyStoreError(error).kind !== 'not-found') throw error;
}
