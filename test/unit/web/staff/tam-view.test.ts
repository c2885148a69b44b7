import { tamDigestsFor } from '../../../../shared/domain/notifications/tam-digest';
import { receiveTicket } from '../../../../shared/domain/commands/receive-ticket';
import type { Ticket } from '../../../../shared/domain/ticket/ticket';
import { tamView } from '../../../../shared/web/staff/tam/tam-view';
import { applyCommands, storyIntake, SYSTEM } from '../../http-api/support/ticket-story';
import { engineer, handedTo, LUKAS, MARIA, MARIA_PRINCIPAL, NOW, ORG, PRIYA, sevATicket, sevBTicket, then, TOM_PRINCIPAL } from './support/console-tickets';

/** A Fabrikam ticket: its contract names Lena Schulz as TAM, not Tom Reyes. */
function fabrikamTicket(): Ticket {
  const { ticket } = receiveTicket({
    ticketNumber: 'BTN-20261124-FAB01',
    intake: storyIntake({ company: 'Fabrikam Inc', tenantDomain: 'fabrikam.onmicrosoft.com', requester: { name: 'Bo Li', email: 'bo.li@fabrikam.com', timeZone: 'Europe/London', available24x7: false } }),
    accessTokenHash: 'h'.repeat(43),
    receivedAt: '2026-11-24T12:00:00.000Z',
  });
  return applyCommands(ticket, [
    { type: 'start-validation', actor: SYSTEM },
    { type: 'triage', actor: SYSTEM, slaPolicyId: 'standard-amer', queueId: 'identity-and-devices', contractId: 'fabrikam-standard', tamEmail: 'lena.schulz@css.example' },
  ]);
}

describe('the TAM view', () => {
  const sevBCalm = then(sevBTicket('2026-11-24T13:55:00.000Z', MARIA), { type: 'acknowledge', actor: engineer(MARIA), message: 'On it.' });
  const sevBStalled = handedTo(handedTo(handedTo(then(sevBTicket('2026-11-24T13:00:00.000Z', MARIA), { type: 'acknowledge', actor: engineer(MARIA), message: 'On it.' }), LUKAS), PRIYA), MARIA);
  const sevARunning = sevATicket('2026-11-24T13:30:00.000Z');
  const sevABreached = sevATicket('2026-11-24T12:00:00.000Z');
  const fabrikam = fabrikamTicket();
  const tickets = [sevBCalm, sevBStalled, sevARunning, sevABreached, fabrikam];

  it('lists the open tickets under the contracts that name me as TAM, and no one else\'s', () => {
    const view = tamView({ principal: TOM_PRINCIPAL, org: ORG, tickets, now: NOW });
    expect(view.contracts).toEqual([{ id: 'contoso-unified', customer: 'Contoso Ltd' }]);
    expect(view.tickets.map((row) => row.ticketNumber)).not.toContain(fabrikam.ticketNumber);
    expect(view.tickets).toHaveLength(4);
    const lena = tamView({ principal: { ...TOM_PRINCIPAL, email: 'Lena.Schulz@css.example' }, org: ORG, tickets, now: NOW });
    expect(lena.tickets.map((row) => row.ticketNumber)).toEqual([fabrikam.ticketNumber]);
  });

  it('shows nothing to someone no contract names, whatever tickets it is given', () => {
    const view = tamView({ principal: MARIA_PRINCIPAL, org: ORG, tickets, now: NOW });
    expect(view).toEqual({ contracts: [], tickets: [], digest: [] });
  });

  it('puts Severity A first and, within a severity, the breached, warning and stalled tickets first', () => {
    const view = tamView({ principal: TOM_PRINCIPAL, org: ORG, tickets, now: NOW });
    expect(view.tickets.map((row) => row.ticketNumber)).toEqual([sevABreached.ticketNumber, sevARunning.ticketNumber, sevBStalled.ticketNumber, sevBCalm.ticketNumber]);
    const flags = (ticketNumber: string) => {
      const row = view.tickets.find((candidate) => candidate.ticketNumber === ticketNumber);
      return { breached: row?.breached, stalled: row?.stalled };
    };
    expect(flags(sevABreached.ticketNumber)).toEqual({ breached: true, stalled: false });
    expect(flags(sevBStalled.ticketNumber)).toEqual({ breached: false, stalled: true });
    expect(flags(sevBCalm.ticketNumber)).toEqual({ breached: false, stalled: false });
  });

  it('leaves out closed tickets', () => {
    const closed = then(sevATicket('2026-11-24T13:00:00.000Z'), { type: 'close-not-entitled', actor: { role: 'team-lead', id: 'arjun-mehta' }, explanation: 'The contract does not cover this tenant.' });
    expect(closed.status).toBe('closed');
    expect(tamView({ principal: TOM_PRINCIPAL, org: ORG, tickets: [closed], now: NOW }).tickets).toEqual([]);
  });

  it('shows the same list the daily digest sends me', () => {
    const view = tamView({ principal: TOM_PRINCIPAL, org: ORG, tickets, now: NOW });
    const sent = tamDigestsFor(tickets, ORG, NOW).find((digest) => digest.to[0]?.email === 'tom.reyes@css.example');
    expect(sent).toBeDefined();
    expect(view.digest).toEqual(sent?.tickets);
    expect(view.digest.map((ticket) => ticket.ticketNumber)).toEqual(expect.arrayContaining([sevABreached.ticketNumber, sevBStalled.ticketNumber]));
    expect(view.digest.map((ticket) => ticket.ticketNumber)).not.toContain(sevBCalm.ticketNumber);
  });
});
