/**
 * The stand-in's mailbox: accepted messages in memory, and each one also written to its own JSON
 * file under `dataDir` (named after its operation id) so the mailbox survives a restart of the stack.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isAddressedTo, StoredEmailSchema, type StoredEmail } from './email-schemas';
import { fileNamesIn, readJsonFile, writeJsonAtomically } from './json-file';

export interface EmailStore {
  /** The message stored under `operationId`, if any (idempotent resends look here first). */
  find(operationId: string): StoredEmail | undefined;
  /** Stores a message; resolves once it is durable. A known operation id keeps the first message. */
  add(message: Omit<StoredEmail, 'sequence'>): Promise<StoredEmail>;
  /** Messages in the order they were accepted, optionally only those addressed to `to`. */
  list(filter?: { readonly to?: string }): StoredEmail[];
  clear(): Promise<void>;
}

function fileNameFor(operationId: string): string {
  // Operation ids are caller-chosen strings; hashing makes any of them a safe, fixed-size file name.
  return `${createHash('sha256').update(operationId).digest('hex').slice(0, 40)}.json`;
}

async function loadMessages(dataDir: string): Promise<StoredEmail[]> {
  const names = await fileNamesIn(dataDir);
  const messages: StoredEmail[] = [];
  for (const name of names.filter((entry) => entry.endsWith('.json') && !entry.startsWith('.'))) {
    const content = await readJsonFile(path.join(dataDir, name));
    const parsed = StoredEmailSchema.safeParse(content);
    if (parsed.success) messages.push(parsed.data);
  }
  return messages;
}

export async function openEmailStore(dataDir: string | undefined): Promise<EmailStore> {
  const byOperation = new Map<string, StoredEmail>();
  const loaded = dataDir ? await loadMessages(dataDir) : [];
  for (const message of loaded) byOperation.set(message.operationId, message);
  let nextSequence = loaded.reduce((max, message) => Math.max(max, message.sequence), 0) + 1;

  const ordered = (): StoredEmail[] => [...byOperation.values()].sort((a, b) => a.sequence - b.sequence);

  return {
    find: (operationId) => byOperation.get(operationId),
    async add(message) {
      const known = byOperation.get(message.operationId);
      if (known) return known;
      const stored: StoredEmail = { ...message, sequence: nextSequence };
      nextSequence += 1;
      // Claim the operation id before the first await so a concurrent resend cannot store twice.
      byOperation.set(stored.operationId, stored);
      if (dataDir) {
        try {
          await writeJsonAtomically(path.join(dataDir, fileNameFor(stored.operationId)), stored);
        } catch (error) {
          byOperation.delete(stored.operationId);
          throw error;
        }
      }
      return stored;
    },
    list(filter = {}) {
      const { to } = filter;
      return to ? ordered().filter((message) => isAddressedTo(message, to)) : ordered();
    },
    async clear() {
      const operationIds = [...byOperation.keys()];
      byOperation.clear();
      if (!dataDir) return;
      await Promise.all(
        operationIds.map((operationId) => fs.rm(path.join(dataDir, fileNameFor(operationId)), { force: true })),
      );
    },
  };
}
