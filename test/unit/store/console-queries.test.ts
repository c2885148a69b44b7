import { MAX_WHOLE_TICKETS, ticketsByNumber } from '../../../shared/store/console-queries';
import type { TicketRead } from '../../../shared/store/ticket-repository';
import { sevATicket } from '../web/staff/support/console-tickets';

describe('reading whole tickets by number for a console page', () => {
  const ticket = sevATicket('2026-11-24T13:30:00.000Z');
  const found = (): Promise<TicketRead> => Promise.resolve({ kind: 'found', ticket, stored: { ...ticket, appliedCommands: [] }, etag: 'e' });

  it('reads at most the page\'s limit and lists the rest as skipped, never dropping them silently', async () => {
    let reads = 0;
    const numbers = Array.from({ length: MAX_WHOLE_TICKETS + 2 }, (_, index) => `BTN-20261124-${String(index).padStart(5, '0')}`);
    const read = await ticketsByNumber({ read: () => ((reads += 1), found()) }, numbers);
    if (read.kind !== 'read') throw new Error('the read failed');
    expect(reads).toBe(MAX_WHOLE_TICKETS);
    expect(read.tickets).toHaveLength(MAX_WHOLE_TICKETS);
    expect(read.skipped.map((row) => row.id)).toEqual(numbers.slice(MAX_WHOLE_TICKETS));
  });

  it('fails as a whole when the store fails, so the page says the store is unavailable', async () => {
    const failure = { kind: 'unavailable' as const, retryAfterSeconds: 5, reason: 'down' };
    const read = await ticketsByNumber({ read: async (number) => (number.endsWith('2') ? { kind: 'failed', failure } : found()) }, ['BTN-20261124-00001', 'BTN-20261124-00002']);
    expect(read).toEqual({ kind: 'failed', failure });
  });
});
