/**
 * The dev issuer's RS256 key pair. Kept in a file under the local data dir so tokens minted before
 * a restart of the offline stack still verify afterwards; without a data dir it lives in memory.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK, type KeyLike } from 'jose';
import { z } from 'zod';

export const SIGNING_ALGORITHM = 'RS256';
export const SIGNING_KEY_FILE = 'dev-issuer-signing-key.json';

export interface DevSigningKey {
  readonly kid: string;
  readonly privateKey: KeyLike;
  /** What the JWKS endpoint publishes: the public half only. */
  readonly publicJwk: JWK;
}

const StoredKeySchema = z.object({
  kty: z.literal('RSA'),
  n: z.string().min(1),
  e: z.string().min(1),
  d: z.string().min(1),
  p: z.string().min(1),
  q: z.string().min(1),
  dp: z.string().min(1),
  dq: z.string().min(1),
  qi: z.string().min(1),
});
type StoredKey = z.infer<typeof StoredKeySchema>;

async function fromStored(stored: StoredKey): Promise<DevSigningKey> {
  const key = await importJWK(stored, SIGNING_ALGORITHM);
  if (key instanceof Uint8Array) throw new Error('the stored signing key is not an RSA key');
  const publicPart = { kty: stored.kty, n: stored.n, e: stored.e };
  const kid = await calculateJwkThumbprint(publicPart);
  return { kid, privateKey: key, publicJwk: { ...publicPart, kid, alg: SIGNING_ALGORITHM, use: 'sig' } };
}

async function generated(): Promise<StoredKey> {
  const { privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  return StoredKeySchema.parse(await exportJWK(privateKey));
}

async function readStored(file: string): Promise<StoredKey | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = StoredKeySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    // A damaged file only costs the tokens minted before: a fresh key replaces it.
    return undefined;
  }
}

/** Write-then-rename, so a crash mid-write never leaves half a key behind. */
async function persist(file: string, key: StoredKey): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(key), { encoding: 'utf8', mode: 0o600 });
  await rename(temporary, file);
}

export async function loadOrCreateSigningKey(dataDir: string | undefined): Promise<DevSigningKey> {
  if (dataDir === undefined) return fromStored(await generated());
  const file = path.join(dataDir, SIGNING_KEY_FILE);
  const existing = await readStored(file);
  if (existing) return fromStored(existing);
  const fresh = await generated();
  await persist(file, fresh);
  return fromStored(fresh);
}
