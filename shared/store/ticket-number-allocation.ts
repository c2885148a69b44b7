/**
 * Ticket numbers people can read out on the phone, unique without a counter document that every
 * intake would fight over: `BTN-YYMMDD-XXXXX`, the UTC date of receipt and five random Crockford
 * base32 characters (no I, L, O or U). The store claims a number by creating the ticket under it
 * and draws again on a clash.
 */
import { randomInt } from 'node:crypto';
import { TicketNumberSchema, type TicketNumber } from '../domain/ticket/ticket-number';

const CROCKFORD_BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TICKET_NUMBER_RANDOM_CHARACTERS = 5;

/** Tests pin the draw; production uses the operating system's CSPRNG. */
export type RandomIndex = (exclusiveMax: number) => number;

export function newTicketNumber(receivedAt: Date, random: RandomIndex = randomInt): TicketNumber {
  const date = receivedAt.toISOString().slice(2, 10).replace(/-/g, '');
  let suffix = '';
  for (let index = 0; index < TICKET_NUMBER_RANDOM_CHARACTERS; index += 1) {
    suffix += CROCKFORD_BASE32.charAt(random(CROCKFORD_BASE32.length));
  }
  return TicketNumberSchema.parse(`BTN-${date}-${suffix}`);
}

export const TICKET_NUMBER_PATTERN = /^BTN-\d{6}-[0-9A-HJKMNP-TV-Z]{5}$/;
