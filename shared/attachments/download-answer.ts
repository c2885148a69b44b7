/**
 * How an attachment leaves Baton: streamed through the app (never a public or long-lived URL),
 * always as a download. The headers make sure no browser renders it in Baton's origin: a saved
 * file (`Content-Disposition: attachment`), the type its content was judged to be and no sniffing
 * (`nosniff`), a sandbox with nothing allowed should it be opened anyway, and no cache keeping a copy.
 */
import { Readable } from 'node:stream';
import type { HttpResponseInit } from '@azure/functions';
import type { Attachment } from '../domain/attachments/attachment';
import type { StoreFailure } from '../store/store-failure';
import type { AttachmentStore } from './attachment-store';

/** RFC 6266 with RFC 8187's UTF-8 name, and a plain ASCII name for clients that only read that. */
export function contentDisposition(name: string): string {
  const ascii = name.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\%;]/g, '_').trim() || 'attachment';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export const DOWNLOAD_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'private, no-store',
  'Content-Security-Policy': "sandbox; default-src 'none'",
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

export type DownloadAnswer = { readonly ok: true; readonly response: HttpResponseInit } | { readonly ok: false; readonly failure: StoreFailure };

export async function downloadAnswer(store: AttachmentStore, ticketNumber: string, attachment: Attachment): Promise<DownloadAnswer> {
  const download = await store.download(ticketNumber, attachment.id);
  if (!download.ok) return download;
  return {
    ok: true,
    response: {
      status: 200,
      headers: {
        ...DOWNLOAD_HEADERS,
        'Content-Type': attachment.contentType,
        'Content-Disposition': contentDisposition(attachment.name),
        'Content-Length': String(download.value.size),
      },
      body: Readable.from(download.value.content),
    },
  };
}
