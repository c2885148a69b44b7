/**
 * A staff caller's `Idempotency-Key` as the ticket service remembers it with the command it made:
 * the command id names the caller and the key (a key is its sender's own, so two people's keys
 * never meet), the request hash what the body asked, so the same key sent with another body is
 * told from a retry. Neither the key nor the body is stored, only their hashes.
 */
import { createHash } from 'node:crypto';
import type { StaffPrincipal } from '../auth/staff-token';
import { canonicalJson } from '../store/idempotency-record';
import type { StaffCommandBody } from './staff-command-body';

export interface StaffCommandKey {
  readonly commandId: string;
  readonly requestHash: string;
}

export function staffCommandKey(principal: StaffPrincipal, idempotencyKey: string, body: StaffCommandBody): StaffCommandKey {
  return {
    commandId: `api:${createHash('sha256').update(`${principal.id}\u0000${idempotencyKey}`, 'utf8').digest('base64url')}`,
    requestHash: createHash('sha256').update(canonicalJson(body), 'utf8').digest('hex'),
  };
}
