/** The staff console's reads on the Cosmos stand-in: the same SQL the app sends to Cosmos DB. */
import type { Container } from '@azure/cosmos';
import type { Ticket } from '../../../shared/domain/ticket/ticket';
import { openTicketsAssignedTo, openTicketsUnderContracts, openTicketSummaries } from '../../../shared/store/console-queries';
import { cosmosTicketRepository, type TicketRepository } from '../../../shared/store/ticket-repository';
import { engineer, handedTo, LUKAS, MARIA, NOW, ORG, sevATicket, sevBTicket, then, unassignedTicket } from '../../unit/web/staff/support/console-tickets';
import { startCosmosFixture, type CosmosFixture } from './support/cosmos-fixture';

describe('the staff console\'s reads of the tickets container', () => {
  let cosmos: CosmosFixture;
  let container: Container;
  let repository: TicketRepository;
  const maria = sevATicket('2026-11-24T13:30:00.000Z', MARIA);
  const lukas = sevBTicket('2026-11-24T11:00:00.000Z', LUKAS);
  const handed = handedTo(sevBTicket('2026-11-24T09:00:00.000Z', LUKAS), MARIA);
  const unassigned = unassignedTicket('2026-11-24T13:45:00.000Z');
  const closed = then(sevATicket('2026-11-24T12:00:00.000Z', MARIA), {
    type: 'close-not-entitled',
    actor: { role: 'team-lead', id: 'arjun-mehta' },
    explanation: 'The contract does not cover this tenant.',
  });
  const acknowledged = then(sevATicket('2026-11-24T13:10:00.000Z', MARIA), { type: 'acknowledge', actor: engineer(MARIA), message: 'On it.' });

  beforeAll(async () => {
    cosmos = await startCosmosFixture();
    container = await cosmos.container('/ticketNumber');
    repository = cosmosTicketRepository(container);
    for (const ticket of [maria, lukas, handed, unassigned, closed, acknowledged]) {
      const created = await repository.create(ticket, { org: ORG, now: NOW });
      expect(created.kind).toBe('created');
    }
  });

  afterAll(() => cosmos.stop());

  const numbers = (tickets: readonly Pick<Ticket, 'ticketNumber'>[]) => tickets.map((ticket) => ticket.ticketNumber).sort();

  it('summarises every open ticket, and no closed one, without its timeline', async () => {
    const read = await openTicketSummaries(container);
    if (read.kind !== 'read') throw new Error(`the read failed: ${read.failure.kind}`);
    expect(numbers(read.summaries)).toEqual(numbers([maria, lukas, handed, unassigned, acknowledged]));
    expect(read.skipped).toBe(0);
    const summary = read.summaries.find((candidate) => candidate.ticketNumber === maria.ticketNumber);
    expect(summary).toEqual({
      ticketNumber: maria.ticketNumber,
      title: maria.title,
      company: 'Contoso Ltd',
      severity: 'A',
      status: 'assigned',
      queueId: 'identity-and-devices',
      assignee: MARIA,
      contractId: 'contoso-unified',
      handoffsSinceCustomerUpdate: 0,
      slaNextDueAt: '2026-11-24T14:30:00.000Z',
      slaNextWarningAt: '2026-11-24T14:15:00.000Z',
      createdAt: maria.createdAt,
      updatedAt: maria.updatedAt,
    });
    expect(summary).not.toHaveProperty('timeline');
  });

  it('reads the open tickets assigned to one engineer, handed ones included, whole', async () => {
    const read = await openTicketsAssignedTo(container, 'maria-garcia');
    if (read.kind !== 'read') throw new Error('the read failed');
    expect(numbers(read.tickets)).toEqual(numbers([maria, handed, acknowledged]));
    expect(read.tickets.every((ticket) => ticket.timeline.length > 0)).toBe(true);
    // The store's own bookkeeping stays in the store.
    expect(read.tickets[0]).not.toHaveProperty('slaNextWarningAt');
    expect(read.tickets[0]).not.toHaveProperty('lifecycleDueAt');
  });

  it('reads the open tickets under a set of contracts, and none for no contract', async () => {
    const read = await openTicketsUnderContracts(container, ['contoso-unified']);
    if (read.kind !== 'read') throw new Error('the read failed');
    expect(numbers(read.tickets)).toEqual(numbers([maria, lukas, handed, unassigned, acknowledged]));
    const other = await openTicketsUnderContracts(container, ['fabrikam-standard']);
    expect(other).toEqual({ kind: 'read', tickets: [], skipped: [] });
    expect(await openTicketsUnderContracts(container, [])).toEqual({ kind: 'read', tickets: [], skipped: [] });
  });
});
