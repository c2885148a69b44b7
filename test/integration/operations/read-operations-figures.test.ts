import { randomUUID } from 'node:crypto';
import type { Database } from '@azure/cosmos';
import { evolve } from '../../../shared/domain/commands/evolve';
import { slaAlertKey } from '../../../shared/domain/sla/sla-clock';
import type { Ticket } from '../../../shared/domain/ticket/ticket';
import { SlaWarningRaisedSchema } from '../../../shared/domain/timeline/sla-events';
import { readOperationsFigures } from '../../../shared/operations/read-operations-figures';
import { OUTBOX_CONTAINER, TICKETS_CONTAINER } from '../../../shared/store/containers';
import { T0, assignedTicket, closedTicket, minutesAfter, system } from '../../unit/domain/support/ticket-fixtures';
import { startCosmosFixture, type CosmosFixture } from '../store/support/cosmos-fixture';

function numbered(ticket: Ticket, ticketNumber: string): Ticket {
  return { ...ticket, id: ticketNumber, ticketNumber };
}

function warned(ticket: Ticket, at: string): Ticket {
  const sequence = ticket.timeline.length + 1;
  return evolve(
    ticket,
    SlaWarningRaisedSchema.parse({
      id: `${ticket.ticketNumber}:${String(sequence)}`,
      sequence,
      at,
      actor: system,
      visibility: 'internal',
      type: 'sla-warning-raised',
      metric: 'first-response',
      cycleId: 'cycle-1',
      key: slaAlertKey('first-response', 'cycle-1', 'warning'),
      dueAt: at,
    }),
  );
}

describe('reading the operations figures from the store', () => {
  let cosmos: CosmosFixture;
  let database: Database;

  beforeAll(async () => {
    cosmos = await startCosmosFixture();
    ({ database } = await cosmos.client.databases.createIfNotExists({ id: `figures-${randomUUID()}` }));
    await database.containers.create({ id: TICKETS_CONTAINER, partitionKey: { paths: ['/ticketNumber'] } });
    await database.containers.create({ id: OUTBOX_CONTAINER, partitionKey: { paths: ['/id'] } });
  });

  afterAll(() => cosmos.stop());

  it('counts the open backlog from each ticket\'s standing and the last hour from the tickets changed in it', async () => {
    const now = minutesAfter(T0, 600);
    const stored = [
      // Opened long before the window and quiet since: counted as open, its old warning still standing.
      numbered(warned(assignedTicket(), minutesAfter(T0, 30)), 'BTN-2026-000001'),
      numbered(assignedTicket({ severity: 'B' }), 'BTN-2026-000002'),
      // Finished: in no open count.
      numbered(closedTicket(), 'BTN-2026-000003'),
      // Warned within the window.
      numbered(warned(assignedTicket(), minutesAfter(now, -10)), 'BTN-2026-000004'),
    ];
    const tickets = database.container(TICKETS_CONTAINER);
    for (const ticket of stored) await tickets.items.create({ ...ticket, appliedCommands: [] });

    const read = await readOperationsFigures(database, new Date(now));

    expect(read.kind).toBe('read');
    if (read.kind !== 'read') return;
    expect(read.figures.snapshot).toMatchObject({ openTickets: 3, openTicketsAtSlaWarning: 2, openTicketsInSlaBreach: 0, slaWarningsLastHour: 1 });
    expect(read.figures.openTicketsByStatusAndSeverity).toEqual([
      { status: 'assigned', severity: 'A', count: 2 },
      { status: 'assigned', severity: 'B', count: 1 },
    ]);
  });
});
