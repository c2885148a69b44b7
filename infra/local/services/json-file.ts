/**
 * Durable JSON files for the local stand-ins: a reader that tells "absent" from "unreadable", and
 * an atomic writer (temp file + rename, then the directory flushed) so a crash mid-write never leaves
 * half a snapshot behind, and a written file stays written.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** The parsed content of `file`, or `undefined` when it does not exist. Throws on malformed JSON. */
export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if (isMissingFile(error)) return undefined;
    throw error;
  }
  return JSON.parse(text) as unknown;
}

/** The names in `directory`, or none when it does not exist yet (nothing was ever written there). */
export async function fileNamesIn(directory: string): Promise<string[]> {
  try {
    return await fs.readdir(directory);
  } catch (error) {
    if (isMissingFile(error)) return [];
    throw error;
  }
}

/**
 * Writes `value` as JSON to `file` so that readers see either the old or the new content, never a
 * torn one: the bytes go to a temp file in the same directory (rename is atomic only within one
 * file system), are flushed, and the temp file is renamed over the target.
 */
export async function writeJsonAtomically(file: string, value: unknown): Promise<void> {
  // Serialise before the first await: the value may be live state that changes meanwhile.
  const text = JSON.stringify(value);
  const directory = path.dirname(file);
  await fs.mkdir(directory, { recursive: true });
  const temp = path.join(directory, `.${path.basename(file)}.${process.pid}.${randomUUID()}.tmp`);
  const handle = await fs.open(temp, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  // The rename itself is durable only once the directory is flushed (a power cut could undo it).
  await syncDirectory(directory);
}

/** Flushes a directory's entries (new, renamed or removed files) to disk. */
export async function syncDirectory(directory: string): Promise<void> {
  const handle = await fs.open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function isMissingFile(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}
