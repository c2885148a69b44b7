import { ticketHeadline } from '../../../../shared/domain/ticket/ticket-headline';
import { formatTicketNumber, TicketNumberSchema } from '../../../../shared/domain/ticket/ticket-number';
import { isVendorCaseActive } from '../../../../shared/domain/ticket/vendor-case';
import { eventId } from '../../../../shared/domain/timeline/event-base';

describe('a ticket number', () => {
  it('is BTN, the year and a six-digit serial, which grows past six digits rather than wrapping', () => {
    expect(formatTicketNumber(2026, 42)).toBe('BTN-2026-000042');
    expect(formatTicketNumber(2027, 1234567)).toBe('BTN-2027-1234567');
  });

  it('is upper-case letters and digits between dashes, so an event id can append its sequence after a colon', () => {
    expect(TicketNumberSchema.safeParse('BTN-2026-000042').success).toBe(true);
    for (const invalid of ['btn-2026-000042', 'BTN-2026-', 'BTN:2026', '-BTN', 'BTN--2026']) {
      expect(TicketNumberSchema.safeParse(invalid).success).toBe(false);
    }
    expect(eventId('BTN-2026-000042', 7)).toBe('BTN-2026-000042:7');
  });
});

describe('a ticket’s headline', () => {
  it('shows the number and status, and the title, company and severity only when known', () => {
    expect(ticketHeadline({ ticketNumber: 'BTN-2026-000042', status: 'received' })).toStrictEqual({ ticketNumber: 'BTN-2026-000042', status: 'received' });
    const full = { ticketNumber: 'BTN-2026-000042', title: 'Mail stuck', company: 'Contoso Ltd', severity: 'A', status: 'triaged' } as const;
    const ticket = { ...full, description: 'Not part of a headline.' };
    expect(ticketHeadline(ticket)).toStrictEqual(full);
  });
});

describe('a vendor case', () => {
  it('is active from its opening until the vendor closes it', () => {
    const opened = { caseId: '2611230040001234', openedAt: '2026-11-23T14:00:00.000Z', status: 'open' } as const;
    expect(isVendorCaseActive(undefined)).toBe(false);
    expect(isVendorCaseActive(opened)).toBe(true);
    expect(isVendorCaseActive({ ...opened, status: 'solution-provided' })).toBe(true);
    expect(isVendorCaseActive({ ...opened, status: 'closed' })).toBe(false);
  });
});
