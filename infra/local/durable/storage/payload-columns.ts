/**
 * Stores JSON text in table entities the way the Azure Storage provider must: a table string
 * property holds at most 32K characters and an entity at most 1 MB, so text is split over
 * numbered columns, and text too big for one entity goes to a blob the row points at.
 */
import type { ContainerClient } from '@azure/storage-blob';

const PART_CHARS = 30_000;
/** Keeps a row well under the 1 MB entity limit (UTF-16: two bytes a character). */
const MAX_INLINE_CHARS = 12 * PART_CHARS;

export type EntityColumns = Record<string, string | number | boolean | Date>;

export function partsOf(text: string): string[] {
  const parts: string[] = [];
  for (let at = 0; at < text.length; at += PART_CHARS) parts.push(text.slice(at, at + PART_CHARS));
  return parts.length ? parts : [''];
}

/** Columns `${name}0..n` and `${name}Parts`, or `${name}Blob` when the text lives in a blob. */
export function inlineColumns(name: string, text: string): EntityColumns {
  const columns: EntityColumns = {};
  const parts = partsOf(text);
  parts.forEach((part, index) => {
    columns[`${name}${index}`] = part;
  });
  columns[`${name}Parts`] = parts.length;
  return columns;
}

export function fitsInline(text: string): boolean {
  return text.length <= MAX_INLINE_CHARS;
}

export function blobColumns(name: string, blobName: string): EntityColumns {
  return { [`${name}Blob`]: blobName };
}

export type StoredText = { readonly inline: string } | { readonly blob: string } | undefined;

export function readColumns(entity: Readonly<Record<string, unknown>>, name: string): StoredText {
  const blob = entity[`${name}Blob`];
  if (typeof blob === 'string') return { blob };
  const count = entity[`${name}Parts`];
  if (typeof count !== 'number') return undefined;
  let text = '';
  for (let index = 0; index < count; index += 1) {
    const part = entity[`${name}${index}`];
    if (typeof part !== 'string') throw new Error(`Stored column ${name}${index} is missing.`);
    text += part;
  }
  return { inline: text };
}

/** Large JSON payloads as blobs in the task hub's `-largemessages` container. */
export class LargePayloads {
  constructor(private readonly container: ContainerClient) {}

  async ensure(): Promise<void> {
    await this.container.createIfNotExists();
  }

  async write(blobName: string, text: string): Promise<void> {
    const body = Buffer.from(text, 'utf8');
    await this.container.getBlockBlobClient(blobName).upload(body, body.length);
  }

  async read(blobName: string): Promise<string> {
    const buffer = await this.container.getBlockBlobClient(blobName).downloadToBuffer();
    return buffer.toString('utf8');
  }

  async remove(prefix: string): Promise<void> {
    for await (const blob of this.container.listBlobsFlat({ prefix })) {
      await this.container.deleteBlob(blob.name);
    }
  }

  /** Columns for `text`: inline when it fits, otherwise uploaded first (idempotent by name). */
  async columns(name: string, text: string, blobName: string): Promise<EntityColumns> {
    if (fitsInline(text)) return inlineColumns(name, text);
    await this.write(blobName, text);
    return blobColumns(name, blobName);
  }

  async text(stored: StoredText): Promise<string | undefined> {
    if (!stored) return undefined;
    return 'inline' in stored ? stored.inline : this.read(stored.blob);
  }
}
