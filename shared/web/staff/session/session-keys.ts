/**
 * The keys session cookies are sealed with. In Azure they come from a Key Vault secret through the
 * app setting; on the offline stack, where nobody sets one, a key is generated at first use and kept
 * in the `config` container (like the requester access secret), so it lasts across restarts and
 * every instance of the stack shares it.
 */
import { randomBytes } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import type { Clock } from '../../../clock';
import { STAFF_SESSION_KEY_BYTES, type StaffSessionKeys } from '../../../config/staff-sign-in-settings';
import { InstantSchema } from '../../../domain/primitives';
import { createIfAbsent } from '../../../store/create-if-absent';
import { readDocument } from '../../../store/point-read';

export type SessionKeysRead =
  | { readonly kind: 'ready'; readonly keys: readonly Uint8Array[] }
  | { readonly kind: 'unavailable'; readonly reason: string };

export type SessionKeySource = () => Promise<SessionKeysRead>;

export const STORED_SESSION_KEY_DOCUMENT_ID = 'staff-session-key';

const StoredSessionKeySchema = z.object({
  id: z.literal(STORED_SESSION_KEY_DOCUMENT_ID),
  /** base64url of the key's bytes. */
  key: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  createdAt: InstantSchema,
});

function keyOf(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64url'));
}

async function readOrCreate(container: Container, clock: Clock): Promise<SessionKeysRead> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const read = await readDocument(container, STORED_SESSION_KEY_DOCUMENT_ID, STORED_SESSION_KEY_DOCUMENT_ID, StoredSessionKeySchema);
    if (read.kind === 'found') return { kind: 'ready', keys: [keyOf(read.document.key)] };
    if (read.kind !== 'not-found') return { kind: 'unavailable', reason: `the stored session key could not be read (${read.kind})` };
    const created = await createIfAbsent(container, {
      id: STORED_SESSION_KEY_DOCUMENT_ID,
      key: randomBytes(STAFF_SESSION_KEY_BYTES).toString('base64url'),
      createdAt: clock.now().toISOString(),
    });
    if (created.kind === 'created') return { kind: 'ready', keys: [keyOf(created.document.key)] };
    if (created.kind === 'failed') return { kind: 'unavailable', reason: `the session key could not be stored (${created.failure.kind})` };
    // Another instance created it in between: read theirs.
  }
  return { kind: 'unavailable', reason: 'the session key could be neither read nor created' };
}

/** A stored key, read once per process; a failed read is not remembered, so the next request tries again. */
export function storedSessionKeys(container: () => Promise<Container | undefined>, clock: Clock): SessionKeySource {
  let ready: readonly Uint8Array[] | undefined;
  return async () => {
    if (ready) return { kind: 'ready', keys: ready };
    const store = await container();
    if (store === undefined) return { kind: 'unavailable', reason: 'the store is not ready' };
    const read = await readOrCreate(store, clock);
    if (read.kind === 'ready') ready = read.keys;
    return read;
  };
}

/** The setting's keys in Azure, or on the offline stack the stored key when the setting is absent. */
export function sessionKeySource(setting: StaffSessionKeys, environment: 'local' | 'azure', stored: () => SessionKeySource): SessionKeySource {
  switch (setting.kind) {
    case 'configured': {
      const keys = setting.keys;
      return async () => ({ kind: 'ready', keys });
    }
    case 'unresolved-key-vault-reference':
      return async () => ({ kind: 'unavailable', reason: 'the session key setting is a Key Vault reference App Service could not resolve' });
    case 'not-configured':
      if (environment === 'local') return stored();
      return async () => ({ kind: 'unavailable', reason: 'no session key is configured' });
  }
}
