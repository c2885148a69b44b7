/** Ticket numbers: readable, dated, random in Crockford base32, and acceptable to the domain. */
import fc from 'fast-check';
import { TicketNumberSchema } from '../../../shared/domain/ticket/ticket-number';
import { newTicketNumber, TICKET_NUMBER_PATTERN } from '../../../shared/store/ticket-number-allocation';

describe('a new ticket number', () => {
  it('carries the UTC date of receipt and five drawn characters', () => {
    const draws = [0, 31, 18, 21, 27];
    let next = 0;
    const number = newTicketNumber(new Date('2026-11-23T23:59:59.000Z'), () => draws[next++] ?? 0);
    expect(number).toBe('BTN-261123-0ZJNV');
  });

  it('uses the date in UTC, not the server’s zone', () => {
    expect(newTicketNumber(new Date('2027-01-01T00:30:00+02:00'), () => 0)).toBe('BTN-261231-00000');
  });

  it('never contains I, L, O or U, and is always a valid ticket number', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }), fc.array(fc.nat({ max: 31 }), { minLength: 5, maxLength: 5 }), (at, draws) => {
        let next = 0;
        const number = newTicketNumber(at, () => draws[next++] ?? 0);
        expect(number).toMatch(TICKET_NUMBER_PATTERN);
        expect(number.slice(11)).not.toMatch(/[ILOU]/);
        expect(TicketNumberSchema.safeParse(number).success).toBe(true);
      }),
    );
  });

  it('draws from the operating system by default, so two numbers differ', () => {
    const at = new Date('2026-11-23T10:00:00.000Z');
    const numbers = new Set(Array.from({ length: 50 }, () => newTicketNumber(at)));
    expect(numbers.size).toBe(50);
  });
});
