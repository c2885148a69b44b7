/**
 * The secret requester access tokens are derived from. Generated at first use and kept in the
 * `config` container (never in app settings, so no deployment has to handle it); the first writer
 * wins a race to create it and everyone then reads the same one. Held in memory once read.
 */
import { randomBytes } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import { InstantSchema } from '../domain/primitives';
import { REQUESTER_TOKEN_BYTES } from './requester-token';
import type { Clock } from '../clock';
import { createIfAbsent } from '../store/create-if-absent';
import { readDocument } from '../store/point-read';
import type { StoreFailure } from '../store/store-failure';

export const ACCESS_SECRET_DOCUMENT_ID = 'access-link-secret';

const AccessSecretDocumentSchema = z.object({
  id: z.literal(ACCESS_SECRET_DOCUMENT_ID),
  /** base64url of the secret's bytes. */
  secret: z.string().regex(/^[A-Za-z0-9_-]{43,}$/),
  createdAt: InstantSchema,
});

export type AccessSecretRead =
  | { readonly kind: 'ready'; readonly secret: Uint8Array }
  | { readonly kind: 'invalid'; readonly reason: string }
  | { readonly kind: 'failed'; readonly failure: StoreFailure };

export type AccessSecretSource = () => Promise<AccessSecretRead>;

async function readOrCreate(container: Container, clock: Clock): Promise<AccessSecretRead> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const read = await readDocument(container, ACCESS_SECRET_DOCUMENT_ID, ACCESS_SECRET_DOCUMENT_ID, AccessSecretDocumentSchema);
    if (read.kind === 'found') return { kind: 'ready', secret: Buffer.from(read.document.secret, 'base64url') };
    if (read.kind !== 'not-found') return read;
    const created = await createIfAbsent(container, {
      id: ACCESS_SECRET_DOCUMENT_ID,
      secret: randomBytes(REQUESTER_TOKEN_BYTES).toString('base64url'),
      createdAt: clock.now().toISOString(),
    });
    if (created.kind === 'created') return { kind: 'ready', secret: Buffer.from(created.document.secret, 'base64url') };
    if (created.kind === 'failed') return created;
    // Another instance created it in between: read theirs.
  }
  return { kind: 'invalid', reason: 'the access secret could be neither read nor created' };
}

/** Reads once per process; a failed read is not remembered, so the next caller tries again. */
export function cachedAccessSecret(container: Container, clock: Clock): AccessSecretSource {
  let ready: Uint8Array | undefined;
  let inFlight: Promise<AccessSecretRead> | undefined;
  return async () => {
    if (ready) return { kind: 'ready', secret: ready };
    inFlight ??= readOrCreate(container, clock).finally(() => {
      inFlight = undefined;
    });
    const read = await inFlight;
    if (read.kind === 'ready') ready = read.secret;
    return read;
  };
}
