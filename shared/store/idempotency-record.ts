/**
 * The record that makes intake idempotent: claimed (create-if-absent) under the hash of the
 * client's Idempotency-Key before any ticket is written, it fixes the ticket number and receipt
 * instant, so a retry, or fifty racing copies, all finish the same ticket. Whether that ticket
 * was written is read from the tickets container, never recorded here (one write less per intake). The hash of the parsed
 * request tells a genuine retry from a reused key.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { InstantSchema } from '../domain/primitives';
import type { Intake } from '../domain/intake/intake';
import { TicketNumberSchema } from '../domain/ticket/ticket-number';

export const IdempotencyRecordSchema = z.object({
  /** SHA-256 (hex) of the key: the key itself may be anything the client chose, and is never stored. */
  id: z.string().regex(/^[0-9a-f]{64}$/),
  purpose: z.literal('intake'),
  requestHash: z.string().regex(/^[0-9a-f]{64}$/),
  ticketNumber: TicketNumberSchema,
  receivedAt: InstantSchema,
  createdAt: InstantSchema,
});
export type IdempotencyRecord = z.infer<typeof IdempotencyRecordSchema>;

/** The longest key a client may send, as the API publishes it: room for any UUID or hash. */
export const IDEMPOTENCY_KEY_MAX_LENGTH = 200;

/** Keys are opaque to Baton; the bounds keep a hostile one from costing anything. */
export const IdempotencyKeySchema = z.string().trim().min(1).max(IDEMPOTENCY_KEY_MAX_LENGTH);

export function idempotencyRecordId(key: string): string {
  return createHash('sha256').update(`intake\u0000${key}`, 'utf8').digest('hex');
}

/** JSON with sorted keys and absent fields left out, so the same form gives the same text whatever its field order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Hashes what the request means (the parsed intake), not its bytes: JSON and the web form agree. */
export function intakeRequestHash(intake: Intake): string {
  return createHash('sha256').update(canonicalJson(intake), 'utf8').digest('hex');
}
