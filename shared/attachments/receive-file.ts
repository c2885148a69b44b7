/**
 * Takes one file as it streams in: names it safely, judges its first bytes against the allow-list
 * (file-type recognises the binary formats by their signatures), then streams it into the ticket's
 * prefix while hashing and counting it, and cuts it off the moment it passes what the ticket may
 * still take. A refused file is drained and never stored; the reason names the file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { fromBuffer } from 'file-type';
import type { Attachment } from '../domain/attachments/attachment';
import { ATTACHMENT_KINDS, judgeContent } from '../domain/attachments/attachment-kinds';
import { attachmentLimitVerdict, bytesStillAllowed, type AttachmentLimits } from '../domain/attachments/attachment-limits';
import { sanitiseFileName } from '../domain/attachments/file-name';
import type { StoreFailure } from '../store/store-failure';
import type { AttachmentStore } from './attachment-store';

/** What the judge reads: enough for every signature and to tell text from binary. */
export const HEAD_BYTES = 64 * 1024;

export type StoredFile = Omit<Attachment, 'uploadedAt' | 'uploadedBy' | 'visibility'>;

export type ReceivedFile =
  | { readonly kind: 'stored'; readonly file: StoredFile }
  | { readonly kind: 'refused'; readonly name: string; readonly reason: string }
  | { readonly kind: 'store-failed'; readonly name: string; readonly failure: StoreFailure };

export interface FileToReceive {
  readonly ticketNumber: string;
  readonly fileName: string;
  readonly content: Readable;
  /** The ticket's files so far, this request's earlier ones included. */
  readonly existing: readonly Pick<Attachment, 'size'>[];
  readonly limits: AttachmentLimits;
}

export function newAttachmentId(): string {
  return randomBytes(16).toString('hex');
}

interface Head {
  readonly head: Buffer;
  readonly complete: boolean;
  readonly rest: AsyncIterator<unknown>;
}

async function readHead(content: Readable): Promise<Head> {
  const rest = content[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let size = 0;
  while (size < HEAD_BYTES) {
    const next = await rest.next();
    if (next.done === true) return { head: Buffer.concat(chunks), complete: true, rest };
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(String(next.value));
    chunks.push(chunk);
    size += chunk.length;
  }
  return { head: Buffer.concat(chunks), complete: false, rest };
}

async function drainIterator(rest: AsyncIterator<unknown>): Promise<void> {
  for (;;) {
    const next = await rest.next();
    if (next.done === true) return;
  }
}

/** The head and what follows it, hashed and counted; throws once the count passes `maxBytes`. */
function meteredContent(head: Head, maxBytes: number, meter: { size: number; exceeded: boolean; hash: ReturnType<typeof createHash> }): Readable {
  async function* chunks(): AsyncGenerator<Buffer> {
    let next: Buffer | undefined = head.head;
    for (;;) {
      if (next !== undefined && next.length > 0) {
        meter.size += next.length;
        if (meter.size > maxBytes) {
          meter.exceeded = true;
          throw new Error('the file is larger than the ticket may still take');
        }
        meter.hash.update(next);
        yield next;
      }
      if (head.complete && next === head.head) return;
      const step = await head.rest.next();
      if (step.done === true) return;
      next = Buffer.isBuffer(step.value) ? step.value : Buffer.from(String(step.value));
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}

export async function receiveFile(store: AttachmentStore, file: FileToReceive): Promise<ReceivedFile> {
  const { name, extension } = sanitiseFileName(file.fileName);
  const existing = file.existing;
  const head = await readHead(file.content);
  const refuse = async (reason: string): Promise<ReceivedFile> => {
    if (!head.complete) await drainIterator(head.rest);
    return { kind: 'refused', name, reason };
  };
  if (head.complete && head.head.length === 0) return refuse('is empty');
  const early = attachmentLimitVerdict(existing, head.head.length, file.limits);
  if (!early.ok) return refuse(early.reason);
  const sniffed = await fromBuffer(head.head);
  const verdict = judgeContent({ extension, sniffed: sniffed?.mime, head: head.head, complete: head.complete });
  if (!verdict.ok) return refuse(verdict.reason);

  const id = newAttachmentId();
  const contentType = ATTACHMENT_KINDS[verdict.kind].contentType;
  const meter = { size: 0, exceeded: false, hash: createHash('sha256') };
  const uploaded = await store.upload({ ticketNumber: file.ticketNumber, id, contentType, content: meteredContent(head, bytesStillAllowed(existing, file.limits), meter) });
  // Whatever the upload left unread (a cut-off file, an outage mid-way) is read off the request.
  if (!head.complete) await drainIterator(head.rest).catch(() => undefined);
  if (meter.exceeded) {
    const limit = attachmentLimitVerdict(existing, meter.size, file.limits);
    return { kind: 'refused', name, reason: limit.ok ? 'is too large' : limit.reason };
  }
  if (!uploaded.ok) return { kind: 'store-failed', name, failure: uploaded.failure };
  return { kind: 'stored', file: { id, name, size: meter.size, kind: verdict.kind, contentType, sha256: meter.hash.digest('hex') } };
}
