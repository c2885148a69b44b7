/**
 * A file name as the sender's machine gave it is not to be trusted: it may carry a path, control
 * or direction-changing characters, a name Windows reserves for devices, or run to any length.
 * The sanitised name is what Baton shows and offers the download under; the extension survives,
 * because it is what tells the reader's machine what the file is.
 */
export const MAX_FILE_NAME_LENGTH = 150;

/** Device names Windows refuses as file names, whatever follows their first dot. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** C0 and C1 controls, DEL, and the bidirectional overrides that make `exe.txt` read as `txt.exe`. */
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** Characters Windows, macOS or a shell treat as syntax. */
const RESERVED_CHARACTERS = /[<>:"/\\|?*]/g;
const FALLBACK_STEM = 'attachment';

export interface SanitisedFileName {
  readonly name: string;
  /** Lower-case, without the dot; empty when the name has none. */
  readonly extension: string;
}

function lastPathSegment(raw: string): string {
  return raw.slice(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
}

/** An extension is a short word after the last dot: anything else is part of the name. */
const EXTENSION = /\.([A-Za-z0-9]{1,10})$/;

/** Cuts by code point, never through a surrogate pair. */
function cut(text: string, length: number): string {
  return Array.from(text).slice(0, Math.max(0, length)).join('');
}

export function sanitiseFileName(raw: string): SanitisedFileName {
  const cleaned = lastPathSegment(raw.normalize('NFC'))
    .replace(UNSAFE_CHARACTERS, '')
    .replace(RESERVED_CHARACTERS, '_')
    .replace(/\s+/g, ' ')
    // Windows drops trailing dots and spaces; leading ones hide a file or read as a path.
    .replace(/^[\s.]+|[\s.]+$/g, '');
  // With its leading dots gone, a hidden file's name (".bashrc") is a name, not an extension.
  const extension = EXTENSION.exec(cleaned)?.[1] ?? '';
  let stem = (extension === '' ? cleaned : cleaned.slice(0, -extension.length - 1)).replace(/[\s.]+$/g, '');
  if (stem === '') stem = FALLBACK_STEM;
  if (WINDOWS_RESERVED.test(stem)) stem = `_${stem}`;
  const suffix = extension === '' ? '' : `.${extension}`;
  const name = `${cut(stem, MAX_FILE_NAME_LENGTH - Array.from(suffix).length)}${suffix}`;
  return { name, extension: extension.toLowerCase() };
}
