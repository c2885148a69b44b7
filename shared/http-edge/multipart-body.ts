/**
 * Reads a `multipart/form-data` body (a form with files) as it streams in, with busboy: text
 * fields are handed over as they come, each file as a stream the caller must read or drain before
 * the next part arrives. Nothing is buffered whole; every count and size has a bound.
 */
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import type { BodySource } from './request-body';

export const MULTIPART_MEDIA_TYPE = 'multipart/form-data';

export interface MultipartLimits {
  /** Bytes a single file may have before busboy cuts it off (the caller's own limit is stricter). */
  readonly fileBytes: number;
  readonly files: number;
  /** Text fields: the intake form has a few dozen. */
  readonly fields?: number;
  readonly fieldBytes?: number;
}

export interface MultipartHandlers {
  onField(name: string, value: string): void;
  /** Called once per file, in order; the promise settles once `content` has been read to its end. */
  onFile(fieldName: string, fileName: string, content: Readable): Promise<void>;
}

export type MultipartRead =
  | { readonly kind: 'read' }
  | { readonly kind: 'malformed'; readonly reason: string }
  | { readonly kind: 'too-many'; readonly what: 'files' | 'fields' | 'parts' }
  | { readonly kind: 'failed'; readonly reason: string };

export function isMultipart(source: Pick<BodySource, 'headers'>): boolean {
  const contentType = source.headers.get('content-type') ?? '';
  return contentType.split(';', 1)[0]?.trim().toLowerCase() === MULTIPART_MEDIA_TYPE;
}

function drain(content: Readable): Promise<void> {
  return new Promise((resolve) => {
    if (content.readableEnded) return resolve();
    content.once('end', resolve).once('error', () => resolve()).once('close', resolve);
    content.resume();
  });
}

export function readMultipart(source: BodySource, limits: MultipartLimits, handlers: MultipartHandlers): Promise<MultipartRead> {
  const headers = { 'content-type': source.headers.get('content-type') ?? '' };
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers,
      defParamCharset: 'utf8',
      limits: { fileSize: limits.fileBytes, files: limits.files, fields: limits.fields ?? 100, fieldSize: limits.fieldBytes ?? 64 * 1024, parts: limits.files + (limits.fields ?? 100) },
    });
  } catch (error) {
    return Promise.resolve({ kind: 'malformed', reason: error instanceof Error ? error.message : 'not a multipart body' });
  }
  return new Promise((resolve) => {
    let outcome: MultipartRead = { kind: 'read' };
    let files = Promise.resolve();
    parser.on('field', (name, value) => handlers.onField(name, value));
    parser.on('file', (fieldName, content, info) => {
      // A part that is a file input left empty: no name, no bytes.
      const fileName = info.filename;
      if (fileName === undefined || fileName === '') {
        files = files.then(() => drain(content));
        return;
      }
      files = files
        .then(() => handlers.onFile(fieldName, fileName, content))
        .catch((error: unknown) => {
          // A fault of ours, not the sender's: the caller answers 500 with it.
          outcome = { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
        })
        .then(() => drain(content));
    });
    parser.on('filesLimit', () => (outcome = { kind: 'too-many', what: 'files' }));
    parser.on('fieldsLimit', () => (outcome = { kind: 'too-many', what: 'fields' }));
    parser.on('partsLimit', () => (outcome = { kind: 'too-many', what: 'parts' }));
    parser.on('error', (error: unknown) => {
      outcome = { kind: 'malformed', reason: error instanceof Error ? error.message : 'the body could not be read' };
      void files.then(() => resolve(outcome));
    });
    parser.on('close', () => void files.then(() => resolve(outcome)));
    const body = source.body;
    if (body === null) {
      parser.end();
      return;
    }
    Readable.fromWeb(body as WebReadableStream<Uint8Array>).on('error', (error) => parser.destroy(error)).pipe(parser);
  });
}

export type FirstPart =
  | { readonly kind: 'field'; readonly name: string; readonly value: string; readonly truncated: boolean }
  | { readonly kind: 'file'; readonly fieldName: string }
  | { readonly kind: 'none' }
  | { readonly kind: 'malformed'; readonly reason: string };

/**
 * The body's first part, and nothing after it: a guard that must judge a form before any of its
 * files is read stops here. The stream is let go at once; read it from a clone to keep the body.
 */
export function readFirstPart(source: BodySource, maxFieldBytes: number): Promise<FirstPart> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { 'content-type': source.headers.get('content-type') ?? '' }, limits: { fieldSize: maxFieldBytes, parts: 1 } });
  } catch (error) {
    return Promise.resolve({ kind: 'malformed', reason: error instanceof Error ? error.message : 'not a multipart body' });
  }
  const body = source.body;
  if (body === null) return Promise.resolve({ kind: 'none' });
  const stream = Readable.fromWeb(body as WebReadableStream<Uint8Array>);
  return new Promise<FirstPart>((resolve) => {
    parser.once('field', (name, value, info) => resolve({ kind: 'field', name, value, truncated: info.valueTruncated }));
    parser.once('file', (fieldName, content) => {
      resolve({ kind: 'file', fieldName });
      content.resume();
    });
    parser.once('error', (error: unknown) => resolve({ kind: 'malformed', reason: error instanceof Error ? error.message : 'the body could not be read' }));
    parser.once('close', () => resolve({ kind: 'none' }));
    stream.once('error', (error) => resolve({ kind: 'malformed', reason: error.message }));
    stream.pipe(parser);
  }).finally(() => {
    stream.unpipe(parser);
    stream.destroy();
    parser.removeAllListeners();
    parser.on('error', () => undefined);
  });
}
