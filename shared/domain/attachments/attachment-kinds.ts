/**
 * The kinds of file a ticket accepts, judged by content and not by name alone: each kind names the
 * extensions it may carry and how its bytes are recognised. A file whose content says one thing
 * and whose name another is refused, so an executable renamed `.log` or a page renamed `.png`
 * never gets in.
 */
import { z } from 'zod';

export const AttachmentKindSchema = z.enum(['text', 'json', 'har', 'zip', 'png', 'jpeg', 'gif', 'webp', 'pdf', 'evtx', 'etl']);
export type AttachmentKind = z.infer<typeof AttachmentKindSchema>;

interface KindRule {
  /** Lower-case, without the dot. */
  readonly extensions: readonly string[];
  /** What it is served as; text is always plain text, so no browser renders it as a page. */
  readonly contentType: string;
  /** The MIME type the signature sniffer reports for it; none for the kinds recognised here. */
  readonly sniffedAs?: string;
  readonly label: string;
}

export const ATTACHMENT_KINDS: Readonly<Record<AttachmentKind, KindRule>> = {
  text: { extensions: ['txt', 'log', 'csv', 'md', 'xml', 'yaml', 'yml', 'ini', 'conf', 'cfg'], contentType: 'text/plain; charset=utf-8', label: 'text or log' },
  json: { extensions: ['json'], contentType: 'application/json', label: 'JSON' },
  har: { extensions: ['har'], contentType: 'application/json', label: 'HAR (browser network log)' },
  zip: { extensions: ['zip'], contentType: 'application/zip', sniffedAs: 'application/zip', label: 'zip archive' },
  png: { extensions: ['png'], contentType: 'image/png', sniffedAs: 'image/png', label: 'PNG image' },
  jpeg: { extensions: ['jpg', 'jpeg'], contentType: 'image/jpeg', sniffedAs: 'image/jpeg', label: 'JPEG image' },
  gif: { extensions: ['gif'], contentType: 'image/gif', sniffedAs: 'image/gif', label: 'GIF image' },
  webp: { extensions: ['webp'], contentType: 'image/webp', sniffedAs: 'image/webp', label: 'WebP image' },
  pdf: { extensions: ['pdf'], contentType: 'application/pdf', sniffedAs: 'application/pdf', label: 'PDF' },
  evtx: { extensions: ['evtx'], contentType: 'application/octet-stream', label: 'Windows event log (.evtx)' },
  etl: { extensions: ['etl'], contentType: 'application/octet-stream', label: 'Windows trace log (.etl)' },
};

export const ATTACHMENT_KIND_LIST: readonly AttachmentKind[] = AttachmentKindSchema.options;

/** Every extension the allow-list knows, for the form's `accept` and for messages. */
export const ACCEPTED_EXTENSIONS: readonly string[] = ATTACHMENT_KIND_LIST.flatMap((kind) => ATTACHMENT_KINDS[kind].extensions);

/** What the content judge is told about a file: its name's extension, the sniffer's verdict and its first bytes. */
export interface ContentEvidence {
  readonly extension: string;
  /** The MIME type a signature sniffer recognised, if any. */
  readonly sniffed: string | undefined;
  /** The first bytes of the file (the judge reads at most the first 64 KiB). */
  readonly head: Uint8Array;
  /** Whether `head` is the whole file (a text file's last character may be cut off otherwise). */
  readonly complete: boolean;
}

export type ContentVerdict = { readonly ok: true; readonly kind: AttachmentKind } | { readonly ok: false; readonly reason: string };

/** An .evtx file begins with the event log file header's signature, "ElfFile" and a NUL. */
const EVTX_SIGNATURE = [0x45, 0x6c, 0x66, 0x46, 0x69, 0x6c, 0x65, 0x00];
/** Programs: a Windows PE ("MZ") or an ELF binary, which nothing on the allow-list ever starts with. */
const EXECUTABLE_SIGNATURES = [[0x4d, 0x5a], [0x7f, 0x45, 0x4c, 0x46]];

/** A head shorter than the signature does not start with it: past its end every byte reads as undefined. */
function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/** UTF-8 (a BOM allowed) without NUL or other control characters than tab, line feed, carriage return, form feed. */
export function looksLikeText(head: Uint8Array, complete: boolean): boolean {
  // A multi-byte character cut at the end of the head is not an error; drop up to three bytes.
  const candidates = complete ? [head] : [0, 1, 2, 3].map((cut) => head.subarray(0, Math.max(0, head.length - cut)));
  for (const bytes of candidates) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      continue;
    }
    return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
  }
  return false;
}

function looksLikeJson(head: Uint8Array, complete: boolean): boolean {
  if (!looksLikeText(head, complete)) return false;
  // The decoder drops a leading byte order mark itself.
  const first = new TextDecoder('utf-8').decode(head.subarray(0, 64)).trimStart()[0];
  return first === '{' || first === '[';
}

function kindsFor(extension: string): AttachmentKind[] {
  return ATTACHMENT_KIND_LIST.filter((kind) => ATTACHMENT_KINDS[kind].extensions.includes(extension));
}

function describe(kind: AttachmentKind): string {
  return ATTACHMENT_KINDS[kind].label;
}

/**
 * Pure: which accepted kind this file is, or why it is refused. The extension picks the kind the
 * sender claims; the content must then prove it. ETL has no fixed public signature, so an `.etl`
 * is accepted when it is binary and the sniffer recognises nothing else in it (no archive, image,
 * document or program hides behind the name).
 */
export function judgeContent(evidence: ContentEvidence): ContentVerdict {
  const extension = evidence.extension.toLowerCase();
  const claimed = kindsFor(extension)[0];
  if (claimed === undefined) {
    return { ok: false, reason: extension === '' ? 'has no file extension, so its type cannot be told' : `.${extension} files are not accepted` };
  }
  if (EXECUTABLE_SIGNATURES.some((signature) => startsWith(evidence.head, signature))) {
    return { ok: false, reason: 'is a program, not a ' + describe(claimed) };
  }
  const rule = ATTACHMENT_KINDS[claimed];
  if (rule.sniffedAs !== undefined) {
    return evidence.sniffed === rule.sniffedAs ? { ok: true, kind: claimed } : { ok: false, reason: contentMismatch(claimed, evidence.sniffed) };
  }
  if (evidence.sniffed !== undefined) return { ok: false, reason: contentMismatch(claimed, evidence.sniffed) };
  switch (claimed) {
    case 'evtx':
      return startsWith(evidence.head, EVTX_SIGNATURE) ? { ok: true, kind: claimed } : { ok: false, reason: contentMismatch(claimed, undefined) };
    case 'etl':
      // An empty file reads as text, so it is no trace log either.
      return !looksLikeText(evidence.head, evidence.complete) ? { ok: true, kind: claimed } : { ok: false, reason: contentMismatch(claimed, undefined) };
    case 'json':
    case 'har':
      return looksLikeJson(evidence.head, evidence.complete) ? { ok: true, kind: claimed } : { ok: false, reason: contentMismatch(claimed, undefined) };
    default:
      return looksLikeText(evidence.head, evidence.complete) ? { ok: true, kind: claimed } : { ok: false, reason: contentMismatch(claimed, undefined) };
  }
}

function contentMismatch(claimed: AttachmentKind, sniffed: string | undefined): string {
  const found = sniffed === undefined ? '' : ` (its content is ${sniffed})`;
  return `does not contain what its name says: not a ${describe(claimed)}${found}`;
}
