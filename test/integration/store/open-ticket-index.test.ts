/** The staff console's reads on the Cosmos stand-in: the same SQL the app sends to Cosmos DB. */
import type { Container } from '@azure/cosmos';
import type { Ticket } from '../../../shared/domain/ticket/ticket';
import { ticketsByNumber } from '../../../shared/store/console-queries';
import { openTicketIndex } from '../../../shared/store/open-ticket-index';
import { cosmosTicketRepository, type TicketRepository } from '../../../shared/store/ticket-repository';
import { replaceWith } from '../../../shared/store/update-with-etag';
import { engineer, handedTo, LUKAS, MARIA, NOW, ORG, sevATicket, sevBTicket, then, unassignedTicket } from '../../unit/web/staff/support/console-tickets';
import { startCosmosFixture, type CosmosFixture } from './support/cosmos-fixture';

const CLOSE = { type: 'close-not-entitled' as const, actor: { role: 'team-lead' as const, id: 'arjun-mehta' }, explanation: 'The contract does not cover this tenant.' };

describe('the open-ticket index', () => {
  let cosmos: CosmosFixture;
  let container: Container;
  let repository: TicketRepository;
  const maria = sevATicket('2026-11-24T13:30:00.000Z', MARIA);
  const lukas = sevBTicket('2026-11-24T11:00:00.000Z', LUKAS);
  const handed = handedTo(sevBTicket('2026-11-24T09:00:00.000Z', LUKAS), MARIA);
  const unassigned = unassignedTicket('2026-11-24T13:45:00.000Z');
  const closed = then(sevATicket('2026-11-24T12:00:00.000Z', MARIA), CLOSE);
  const acknowledged = then(sevATicket('2026-11-24T13:10:00.000Z', MARIA), { type: 'acknowledge', actor: engineer(MARIA), message: 'On it.' });

  beforeEach(async () => {
    cosmos ??= await startCosmosFixture();
    container = await cosmos.container('/ticketNumber');
    repository = cosmosTicketRepository(container);
    for (const ticket of [maria, lukas, handed, unassigned, closed, acknowledged]) {
      expect((await repository.create(ticket, { org: ORG, now: NOW })).kind).toBe('created');
    }
  });

  afterAll(() => cosmos.stop());

  const numbers = (tickets: readonly Pick<Ticket, 'ticketNumber'>[]) => tickets.map((ticket) => ticket.ticketNumber).sort();

  async function summariesOf(index: ReturnType<typeof openTicketIndex>) {
    const read = await index.summaries();
    if (read.kind !== 'read') throw new Error(`the read failed: ${read.failure.kind}`);
    return read;
  }

  it('summarises every open ticket, and no closed one, without its timeline', async () => {
    const read = await summariesOf(openTicketIndex(container));
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
  });

  it('catches up behind its answers with tickets opened, changed and closed since its last read', async () => {
    const index = openTicketIndex(container, { freshnessMs: 0 });
    await summariesOf(index);
    const opened = sevBTicket('2026-11-24T13:50:00.000Z', LUKAS);
    expect((await repository.create(opened, { org: ORG, now: NOW })).kind).toBe('created');
    const assigned = then(unassigned, { type: 'assign', actor: { role: 'team-lead', id: 'arjun-mehta' }, engineer: MARIA });
    expect((await repository.update(unassigned.ticketNumber, (stored) => replaceWith({ ...stored, ...assigned }), { org: ORG, now: NOW })).kind).toBe('updated');
    const nowClosed = then(lukas, CLOSE);
    expect((await repository.update(lukas.ticketNumber, (stored) => replaceWith({ ...stored, ...nowClosed }), { org: ORG, now: NOW })).kind).toBe('updated');

    // The first read after the changes answers with what the index held, and starts the catch-up.
    expect(numbers((await summariesOf(index)).summaries)).toEqual(numbers([maria, lukas, handed, unassigned, acknowledged]));
    await index.settled();
    const read = await summariesOf(index);
    expect(numbers(read.summaries)).toEqual(numbers([maria, handed, unassigned, acknowledged, opened]));
    expect(read.summaries.find((summary) => summary.ticketNumber === unassigned.ticketNumber)?.assignee).toEqual(MARIA);
  });

  it('reads the store at most once per freshness window, unless told this instance changed a ticket', async () => {
    let clockMs = 0;
    const index = openTicketIndex(container, { freshnessMs: 2_000, monotonicMs: () => clockMs });
    await summariesOf(index);
    const opened = sevBTicket('2026-11-24T13:50:00.000Z', LUKAS);
    expect((await repository.create(opened, { org: ORG, now: NOW })).kind).toBe('created');
    clockMs = 1_999;
    expect(numbers((await summariesOf(index)).summaries)).not.toContain(opened.ticketNumber);
    await index.settled();
    expect(numbers((await summariesOf(index)).summaries)).not.toContain(opened.ticketNumber);
    index.invalidate();
    expect(numbers((await summariesOf(index)).summaries)).toContain(opened.ticketNumber);
  });

  it('waits for a fresh catch-up after invalidate, even when one was under way before the change', async () => {
    let clockMs = 0;
    const index = openTicketIndex(container, { freshnessMs: 1_000, monotonicMs: () => clockMs });
    await summariesOf(index);
    clockMs = 5_000;
    await summariesOf(index); // starts a catch-up behind its answer
    const opened = sevBTicket('2026-11-24T13:50:00.000Z', LUKAS);
    expect((await repository.create(opened, { org: ORG, now: NOW })).kind).toBe('created');
    index.invalidate();
    expect(numbers((await summariesOf(index)).summaries)).toContain(opened.ticketNumber);
  });

  it('reads whole tickets by number, leaving out a number with no ticket', async () => {
    const read = await ticketsByNumber(repository, [maria.ticketNumber, 'BTN-20261124-ZZZZZ', handed.ticketNumber]);
    if (read.kind !== 'read') throw new Error('the read failed');
    expect(numbers(read.tickets)).toEqual(numbers([maria, handed]));
    expect(read.skipped).toEqual([{ id: 'BTN-20261124-ZZZZZ', reason: 'not found' }]);
    expect(read.tickets.every((ticket) => ticket.timeline.length > 0)).toBe(true);
    // The store's own bookkeeping stays in the store.
    expect(read.tickets[0]).not.toHaveProperty('slaNextWarningAt');
  });
});
