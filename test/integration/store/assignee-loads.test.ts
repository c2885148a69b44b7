import type { Container } from '@azure/cosmos';
import { WORKING_STATUSES } from '../../../shared/domain/ticket/ticket-status';
import { readAssigneeLoads } from '../../../shared/store/assignee-loads';
import { startCosmosFixture, type CosmosFixture } from './support/cosmos-fixture';

/** Only the fields the loads are read from; a stored ticket has many more, which the query never returns. */
function stored(ticketNumber: string, status: string, engineerId?: string): Record<string, unknown> {
  return {
    id: ticketNumber,
    ticketNumber,
    status,
    timeline: [{ type: 'ticket-received', at: '2026-11-23T12:00:00.000Z' }],
    ...(engineerId === undefined ? {} : { assignee: { engineerId, name: engineerId, email: `${engineerId}@css.example`, region: 'EMEA' } }),
  };
}

describe('engineer loads as the store holds them', () => {
  let cosmos: CosmosFixture;
  let tickets: Container;

  beforeAll(async () => {
    cosmos = await startCosmosFixture();
  });

  afterAll(() => cosmos.stop());

  beforeEach(async () => {
    tickets = await cosmos.container('/ticketNumber');
  });

  it('counts the tickets each engineer carries in a working status', async () => {
    for (const ticket of [
      stored('BTN-1', 'assigned', 'eva'),
      stored('BTN-2', 'investigating', 'eva'),
      stored('BTN-3', 'awaiting-customer', 'erin'),
      stored('BTN-4', 'escalated-to-vendor', 'eva'),
    ]) {
      await tickets.items.create(ticket);
    }
    expect(await readAssigneeLoads(tickets, WORKING_STATUSES, 100)).toEqual({ kind: 'read', load: { eva: 3, erin: 1 }, counted: 4 });
  });

  it('leaves out tickets with no assignee and tickets no longer worked on', async () => {
    for (const ticket of [stored('BTN-1', 'triaged'), stored('BTN-2', 'closed', 'eva'), stored('BTN-3', 'resolved', 'eva'), stored('BTN-4', 'reopened', 'erin')]) {
      await tickets.items.create(ticket);
    }
    expect(await readAssigneeLoads(tickets, WORKING_STATUSES, 100)).toEqual({ kind: 'read', load: { erin: 1 }, counted: 1 });
  });

  it('counts no more tickets than asked', async () => {
    for (let index = 0; index < 5; index += 1) await tickets.items.create(stored(`BTN-${String(index)}`, 'assigned', 'eva'));
    expect(await readAssigneeLoads(tickets, WORKING_STATUSES, 3)).toEqual({ kind: 'read', load: { eva: 3 }, counted: 3 });
  });

  it('reports an unavailable store', async () => {
    cosmos.standIn.setUnavailable(true);
    try {
      expect(await readAssigneeLoads(tickets, WORKING_STATUSES, 100)).toMatchObject({ kind: 'failed', failure: { kind: 'unavailable' } });
    } finally {
      cosmos.standIn.setUnavailable(false);
    }
  });
});
