/**
 * The attachment store against a real Azurite: files go in under their ticket's prefix as they
 * stream, come back byte for byte, are listed per ticket, and go with the ticket's purge without
 * touching another ticket's files. Refused and oversized files leave nothing behind.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import { startAzurite, type RunningAzurite } from '../../../infra/local/azurite';
import { blobAttachmentStore, type AttachmentStore } from '../../../shared/attachments/attachment-store';
import { receiveFile } from '../../../shared/attachments/receive-file';

const MB = 1024 * 1024;
const LIMITS = { maxFileBytes: 2 * MB, maxTicketBytes: 3 * MB, maxFilesPerTicket: 5 };
const MINE = 'BTN-261124-AAAA1';
const THEIRS = 'BTN-261124-BBBB2';

let azurite: RunningAzurite;
let container: ContainerClient;
let store: AttachmentStore;

beforeAll(async () => {
  azurite = await startAzurite({ location: 'memory', blobPort: 0, queuePort: 0, tablePort: 0 });
  container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient('attachments');
  store = blobAttachmentStore(container, { createContainer: true });
  const ready = await store.ensureContainer();
  expect(ready.ok).toBe(true);
}, 60_000);

afterAll(() => azurite?.stop());

/** A stream that hands the bytes over in small chunks, as a request body arrives. */
function streamOf(bytes: Buffer, chunk = 16 * 1024): Readable {
  const parts: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += chunk) parts.push(bytes.subarray(offset, offset + chunk));
  return Readable.from(parts);
}

async function bytesOf(content: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of content) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

function logOf(size: number): Buffer {
  const line = Buffer.from('2026-11-24T09:00:00Z AADSTS50076 sign-in needs MFA\n');
  return Buffer.concat(Array.from({ length: Math.ceil(size / line.length) }, () => line)).subarray(0, size);
}

describe('the attachment store on Azurite', () => {
  it('streams a file in under its ticket’s prefix and gives it back byte for byte', async () => {
    const content = logOf(MB + 12_345);
    const received = await receiveFile(store, { ticketNumber: MINE, fileName: 'C:\\logs\\sign-in.log', content: streamOf(content), existing: [], limits: LIMITS });
    if (received.kind !== 'stored') throw new Error(`not stored: ${JSON.stringify(received)}`);
    expect(received.file).toMatchObject({ name: 'sign-in.log', size: content.length, kind: 'text', contentType: 'text/plain; charset=utf-8', sha256: createHash('sha256').update(content).digest('hex') });

    const download = await store.download(MINE, received.file.id);
    if (!download.ok) throw new Error('no download');
    expect(download.value.size).toBe(content.length);
    expect((await bytesOf(download.value.content)).equals(content)).toBe(true);
    const properties = await container.getBlobClient(`tickets/${MINE}/${received.file.id}`).getProperties();
    expect(properties.contentType).toBe('text/plain; charset=utf-8');
  });

  it('refuses a file whose content contradicts its name, and stores nothing of it', async () => {
    const before = await store.list(MINE);
    const program = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100_000, 1)]);
    const received = await receiveFile(store, { ticketNumber: MINE, fileName: 'setup.log', content: streamOf(program), existing: [], limits: LIMITS });
    expect(received).toEqual({ kind: 'refused', name: 'setup.log', reason: 'is a program, not a text or log' });
    expect(await store.list(MINE)).toEqual(before);
  });

  it('cuts off a file the moment it passes the limit, and keeps no part of it', async () => {
    const before = await store.list(MINE);
    const received = await receiveFile(store, { ticketNumber: MINE, fileName: 'huge.log', content: streamOf(logOf(2 * MB + 1)), existing: [], limits: LIMITS });
    expect(received).toEqual({ kind: 'refused', name: 'huge.log', reason: 'is larger than 2 MB, the most one file may be' });
    const after = await store.list(MINE);
    expect(after).toEqual(before);
  });

  it('counts the ticket’s earlier files against its total', async () => {
    const received = await receiveFile(store, { ticketNumber: MINE, fileName: 'more.log', content: streamOf(logOf(MB)), existing: [{ size: 2.5 * MB }], limits: LIMITS });
    expect(received).toMatchObject({ kind: 'refused', reason: expect.stringContaining('past 3 MB in all') });
  });

  it('lists a ticket’s files, and the purge deletes them all and nothing of another ticket', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), Buffer.alloc(64)]);
    const theirs = await receiveFile(store, { ticketNumber: THEIRS, fileName: 'screen.png', content: streamOf(png), existing: [], limits: LIMITS });
    expect(theirs).toMatchObject({ kind: 'stored', file: { kind: 'png', contentType: 'image/png' } });
    const second = await receiveFile(store, { ticketNumber: MINE, fileName: 'har.har', content: streamOf(Buffer.from('{"log":{"entries":[]}}')), existing: [], limits: LIMITS });
    expect(second).toMatchObject({ kind: 'stored', file: { kind: 'har', contentType: 'application/json' } });

    const mine = await store.list(MINE);
    if (!mine.ok) throw new Error('no list');
    expect(mine.value).toHaveLength(2);
    expect(mine.value.every((blob) => blob.name.startsWith(`tickets/${MINE}/`))).toBe(true);

    expect(await store.deleteAllFor(MINE)).toEqual({ ok: true, value: 2 });
    expect(await store.list(MINE)).toEqual({ ok: true, value: [] });
    const left = await store.list(THEIRS);
    expect(left.ok && left.value.length).toBe(1);
  });

  it('answers not-found for a file that is not there, even one of another ticket', async () => {
    const theirs = await store.list(THEIRS);
    if (!theirs.ok) throw new Error('no list');
    const theirId = theirs.value[0]?.name.split('/').at(-1) ?? '';
    const crossed = await store.download(MINE, theirId);
    expect(crossed).toMatchObject({ ok: false, failure: { kind: 'not-found' } });
  });

  it('answers unavailable, never a throw, when the storage cannot be reached', async () => {
    const unreachable = blobAttachmentStore(
      BlobServiceClient.fromConnectionString(azurite.connectionString.replace(/BlobEndpoint=http:\/\/127\.0\.0\.1:\d+/, 'BlobEndpoint=http://127.0.0.1:9'), { retryOptions: { maxTries: 1 } }).getContainerClient('attachments'),
      { createContainer: true },
    );
    expect(await unreachable.ensureContainer()).toMatchObject({ ok: false, failure: { kind: 'unavailable' } });
  });
});
