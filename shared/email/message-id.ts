/**
 * Deterministic outbox message ids: the same notification (same ticket, same occasion, same
 * recipient) always gets the same id, so a retried step enqueues nothing new and, because the id
 * doubles as the ACS operation id (which must be a UUID), a resend is deduplicated by the service.
 */
import { createHash } from 'node:crypto';

/** Baton's fixed namespace for name-based UUIDs; changing it would change every message id. */
const BATON_MESSAGE_NAMESPACE = '6f8fdb25-5f92-4b19-9519-fa09da41f959';

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

function formatUuid(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A name-based (version 5, RFC 9562) UUID over the parts, e.g.
 * `messageIdFor('BTN-20261123-0042', 'received', 'ana@example.com')`.
 * Parts are joined with a NUL so ('ab', 'c') and ('a', 'bc') never collide.
 */
export function messageIdFor(...parts: readonly string[]): string {
  if (parts.length === 0) throw new Error('a message id needs at least one part');
  const digest = createHash('sha1')
    .update(uuidBytes(BATON_MESSAGE_NAMESPACE))
    .update(parts.join('\u0000'), 'utf8')
    .digest()
    .subarray(0, 16);
  const versionByte = digest[6] ?? 0;
  const variantByte = digest[8] ?? 0;
  digest[6] = (versionByte & 0x0f) | 0x50;
  digest[8] = (variantByte & 0x3f) | 0x80;
  return formatUuid(digest);
}
