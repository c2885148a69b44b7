/**
 * Per-ticket access tokens for requesters: 32 bytes (random, or derived from the ticket number under
 * a secret) handed out in the intake answer and email links, and stored only as a SHA-256 hash, so
 * a leaked ticket document grants no access.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const REQUESTER_TOKEN_BYTES = 32;
/** base64url of 32 bytes, without padding. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const HASH_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Tests pass a deterministic source; production uses the operating system's CSPRNG. */
export type RandomBytesSource = (size: number) => Uint8Array;

export interface IssuedRequesterToken {
  /** Give this to the requester, once; never store it. */
  readonly token: string;
  /** Store this on the ticket. */
  readonly tokenHash: string;
}

export function hashRequesterToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

export function issueRequesterToken(random: RandomBytesSource = randomBytes): IssuedRequesterToken {
  const bytes = random(REQUESTER_TOKEN_BYTES);
  if (bytes.byteLength !== REQUESTER_TOKEN_BYTES) {
    throw new Error(`the random source returned ${bytes.byteLength} bytes instead of ${REQUESTER_TOKEN_BYTES}`);
  }
  const token = Buffer.from(bytes).toString('base64url');
  return { token, tokenHash: hashRequesterToken(token) };
}

/**
 * True when `presented` is the token behind `storedHash`. Both sides are compared as fixed-size
 * digests with `timingSafeEqual`, so the time taken says nothing about how much of a guess was right.
 */
export function verifyRequesterToken(presented: string | null | undefined, storedHash: string): boolean {
  if (typeof presented !== 'string' || !HASH_SHAPE.test(storedHash)) return false;
  const presentedDigest = createHash('sha256').update(presented, 'utf8').digest();
  const storedDigest = Buffer.from(storedHash, 'base64url');
  const matches = storedDigest.byteLength === presentedDigest.byteLength && timingSafeEqual(presentedDigest, storedDigest);
  // The shape check comes last so a malformed token costs the same work as a wrong one.
  return matches && TOKEN_SHAPE.test(presented);
}

/**
 * A well-formed hash of a token nobody is given: a ticket that does not exist is checked against
 * it, so a wrong number costs exactly what a wrong token costs (no timing oracle on which exist).
 */
const ABSENT_TICKET_HASH = hashRequesterToken(randomBytes(REQUESTER_TOKEN_BYTES).toString('base64url'));

/**
 * True when `presented` opens the ticket whose stored hash is `storedHash`; `undefined` stands for
 * a ticket that does not exist, which is checked with the same work and never opens.
 */
export function tokenOpensTicket(presented: string | null | undefined, storedHash: string | undefined): boolean {
  const matches = verifyRequesterToken(presented, storedHash ?? ABSENT_TICKET_HASH);
  return storedHash !== undefined && matches;
}

/**
 * True when `presented` is `expected`, compared as fixed-size digests in constant time: the check
 * made before any store read against the token a ticket number would have.
 */
export function presentedTokenIs(presented: string, expected: string): boolean {
  return verifyRequesterToken(presented, hashRequesterToken(expected));
}

/**
 * The token of a ticket, derived rather than drawn: HMAC-SHA256 of `<ticket number>:<version>`
 * under Baton's access secret. Later emails can so carry the same link without the token ever
 * being stored, and an idempotent replay of intake hands out the same one. Bumping the version
 * (with a new stored hash) would revoke every link sent so far.
 */
export function deriveRequesterToken(accessSecret: Uint8Array, ticketNumber: string, accessVersion: number): IssuedRequesterToken {
  if (accessSecret.byteLength < REQUESTER_TOKEN_BYTES) {
    throw new Error(`the access secret must hold at least ${REQUESTER_TOKEN_BYTES} bytes`);
  }
  const token = createHmac('sha256', accessSecret).update(`${ticketNumber}:${String(accessVersion)}`, 'utf8').digest('base64url');
  return { token, tokenHash: hashRequesterToken(token) };
}
