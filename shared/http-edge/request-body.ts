/**
 * Reads a request body for a handler: JSON or the web form's urlencoded fields, bounded in size.
 * Every way a body can be wrong (type, size, syntax, encoding) ends as a problem answer, never a 500.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { parseFormFields, type FormParseOptions } from './form-fields';
import { malformedBodyProblem, payloadTooLargeProblem, unsupportedMediaTypeProblem, validationProblem } from './problem';

export const JSON_MEDIA_TYPE = 'application/json';
export const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';
const ACCEPTED_MEDIA_TYPES = [JSON_MEDIA_TYPE, FORM_MEDIA_TYPE] as const;

/** Enough for a ticket with a long description; attachments do not travel in this body. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export type BodyMediaType = 'json' | 'form' | 'empty';

export type BodyRead =
  | { readonly kind: 'read'; readonly body: unknown; readonly mediaType: BodyMediaType }
  | { readonly kind: 'rejected'; readonly response: HttpResponseInit };

export interface BodyReadOptions extends Pick<FormParseOptions, 'checkboxFields'> {
  readonly maxBytes?: number;
  /** For commands whose fields are all optional: an empty body then reads as `{}`. */
  readonly allowEmpty?: boolean;
  /** The request path, echoed as the problem's `instance`. */
  readonly instance?: string;
}

/** Only what the reader needs, so a handler test can pass a real `HttpRequest` or a small stand-in. */
export type BodySource = Pick<HttpRequest, 'headers' | 'body'>;

type RawBody = { readonly kind: 'bytes'; readonly bytes: Uint8Array } | { readonly kind: 'too-large' };

function mediaTypeOf(contentType: string | null): string | undefined {
  if (contentType === null) return undefined;
  const essence = contentType.split(';', 1)[0];
  return essence === undefined ? undefined : essence.trim().toLowerCase();
}

/** Reads the stream chunk by chunk and stops as soon as the limit is passed. */
async function readBounded(source: BodySource, maxBytes: number): Promise<RawBody> {
  const declared = Number(source.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return { kind: 'too-large' };
  if (source.body === null) return { kind: 'bytes', bytes: new Uint8Array(0) };
  const reader = source.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const chunk: Uint8Array = value instanceof Uint8Array ? value : Buffer.from(String(value), 'utf8');
      size += chunk.byteLength;
      if (size > maxBytes) {
        // Not awaited: cancelling one copy of a cloned request settles only once every copy is
        // cancelled, so awaiting it here would hang whoever reads a clone (the staff console's
        // CSRF check) until the function timed out.
        reader.cancel().catch(() => undefined);
        return { kind: 'too-large' };
      }
      chunks.push(chunk);
    }
  } finally {
    reader.releaseLock();
  }
  return { kind: 'bytes', bytes: Buffer.concat(chunks) };
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    // Syntax errors, and the RangeError of absurdly deep nesting, are the client's mistake.
    return { ok: false };
  }
}

/**
 * C0 and C1 control characters but tab, line feed and carriage return, and DEL. Nobody types them;
 * they arrive pasted from terminals and logs (ANSI colour codes, NUL, bell), and would travel into
 * the plain-text emails and the terminals of whoever reads them as escape sequences.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Every text of a parsed body without control characters; numbers, booleans and null as they were. */
function withoutControlCharacters(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(CONTROL_CHARACTERS, '');
  if (Array.isArray(value)) return value.map(withoutControlCharacters);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, withoutControlCharacters(inner)]));
  }
  return value;
}

export async function readRequestBody(source: BodySource, options: BodyReadOptions = {}): Promise<BodyRead> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BODY_BYTES;
  const where = options.instance === undefined ? {} : { instance: options.instance };
  const mediaType = mediaTypeOf(source.headers.get('content-type'));

  const raw = await readBounded(source, maxBytes);
  if (raw.kind === 'too-large') return { kind: 'rejected', response: payloadTooLargeProblem(maxBytes, where) };
  if (raw.bytes.byteLength === 0 && options.allowEmpty === true) {
    return { kind: 'read', body: {}, mediaType: 'empty' };
  }
  if (mediaType !== JSON_MEDIA_TYPE && mediaType !== FORM_MEDIA_TYPE) {
    return { kind: 'rejected', response: unsupportedMediaTypeProblem(ACCEPTED_MEDIA_TYPES, where) };
  }
  const text = decodeUtf8(raw.bytes);
  if (text === undefined) {
    return { kind: 'rejected', response: malformedBodyProblem('The body is not valid UTF-8 text.', where) };
  }

  if (mediaType === JSON_MEDIA_TYPE) {
    if (text.trim() === '') return { kind: 'rejected', response: malformedBodyProblem('The body is empty; a JSON document was expected.', where) };
    const parsed = parseJson(text);
    if (!parsed.ok) return { kind: 'rejected', response: malformedBodyProblem('The body is not valid JSON.', where) };
    return { kind: 'read', body: withoutControlCharacters(parsed.value), mediaType: 'json' };
  }

  const form = parseFormFields(text, options.checkboxFields === undefined ? {} : { checkboxFields: options.checkboxFields });
  if (form.kind === 'malformed') {
    return { kind: 'rejected', response: validationProblem([{ field: form.field, message: form.reason }], where) };
  }
  return { kind: 'read', body: withoutControlCharacters(form.fields), mediaType: 'form' };
}
