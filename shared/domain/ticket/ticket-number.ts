/**
 * Ticket numbers are what requesters quote on the phone and what every event id starts with, so
 * they never contain the ':' that separates the number from an event's sequence.
 */
import { z } from 'zod';

export const TicketNumberSchema = z
  .string()
  .regex(/^[A-Z0-9]+(?:-[A-Z0-9]+)*$/, 'must be upper-case letters and digits separated by dashes, e.g. BTN-2026-000042')
  .max(40);
export type TicketNumber = z.infer<typeof TicketNumberSchema>;

/** The store allocates the serial; the domain only formats it: BTN-2026-000042. */
export function formatTicketNumber(year: number, serial: number): TicketNumber {
  return `BTN-${String(year)}-${String(serial).padStart(6, '0')}`;
}
