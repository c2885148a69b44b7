import { randomUUID } from 'node:crypto';
import { CosmosClient, type Database } from '@azure/cosmos';
import { evolve } from '../../../shared/domain/commands/evolve';
import { slaAlertKey } from '../../../shared/domain/sla/sla-clock';
import type { Ticket } from '../../../shared/domain/ticket/ticket';
import { SlaBreachedSchema, SlaWarningRaisedSchema } from '../../../shared/domain/timeline/sla-events';
import { readOperationsFigures } from '../../../shared/operations/read-operations-figures';
import { OUTBOX_CONTAINER, TICKETS_CONTAINER } from '../../../shared/store/containers';
import { stamped } from '../../../shared/store/ticket-repository';
import { cosmosClientOptionsForStandIn } from '../../../infra/local/services/cosmos-standin';
import { startStoreCounter } from '../../../bench/lifecycle-store-counter';
import { T0, assignedTicket, closedTicket, minutesAfter, system } from '../../unit/domain/support/ticket-fixtures';
import { startCosmosFixture, type CosmosFixture } from '../store/support/cosmos-fixture';

function numbered(ticket: Ticket, ticketNumber: string): Ticket {
  return { ...ticket, id: ticketNumber, ticketNumber };
}

function numberOf(index: number): string {
  return `BTN-2026-${String(index).padStart(6, '0')}`;
}

/** As every save writes it now: with `slaStanding` and the other fields kept on each write. */
function savedToday(ticket: Ticket, now: string): Ticket {
  return stamped(ticket, { org: undefined, now });
}

async function createdDatabase(client: CosmosClient): Promise<Database> {
  const { database } = await client.databases.createIfNotExists({ id: `figures-${randomUUID()}` });
  await database.containers.create({ id: TICKETS_CONTAINER, partitionKey: { paths: ['/ticketNumber'] } });
  await database.containers.create({ id: OUTBOX_CONTAINER, partitionKey: { paths: ['/id'] } });
  return database;
}

function alerted(ticket: Ticket, kind: 'warning' | 'breach', at: string): Ticket {
  const sequence = ticket.timeline.length + 1;
  const schema = kind === 'breach' ? SlaBreachedSchema : SlaWarningRaisedSchema;
  return evolve(
    ticket,
    schema.parse({
      id: `${ticket.ticketNumber}:${String(sequence)}`,
      sequence,
      at,
      actor: system,
      visibility: 'internal',
      type: kind === 'breach' ? 'sla-breached' : 'sla-warning-raised',
      metric: 'first-response',
      cycleId: 'cycle-1',
      key: slaAlertKey('first-response', 'cycle-1', kind),
      dueAt: at,
    }),
  );
}

function warned(ticket: Ticket, at: string): Ticket {
  return alerted(ticket, 'warning', at);
}

describe('reading the operations figures from the store', () => {
  let cosmos: CosmosFixture;
  let database: Database;

  beforeAll(async () => {
    cosmos = await startCosmosFixture();
    database = await createdDatabase(cosmos.client);
  });

  afterAll(() => cosmos.stop());

  // Written as tickets were before `slaStanding` was kept: their standing is read the old way.
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

    expect(read).toMatchObject({ kind: 'read' });
    if (read.kind !== 'read') return;
    expect(read.figures.snapshot).toMatchObject({ openTickets: 3, openTicketsAtSlaWarning: 2, openTicketsInSlaBreach: 0, slaWarningsLastHour: 1 });
    expect(read.figures.openTicketsByStatusAndSeverity).toEqual([
      { status: 'assigned', severity: 'A', count: 2 },
      { status: 'assigned', severity: 'B', count: 1 },
    ]);
  });

  it('counts tickets saved with their SLA standing and tickets saved before it alike, and the unsent emails by status', async () => {
    const fresh = await createdDatabase(cosmos.client);
    const now = minutesAfter(T0, 600);
    const breached = alerted(warned(assignedTicket(), minutesAfter(T0, 30)), 'breach', minutesAfter(T0, 40));
    const tickets = [
      savedToday(numbered(warned(assignedTicket(), minutesAfter(T0, 30)), numberOf(1)), now),
      numbered(warned(assignedTicket({ severity: 'B' }), minutesAfter(T0, 30)), numberOf(2)),
      savedToday(numbered(breached, numberOf(3)), now),
      numbered(breached, numberOf(4)),
      savedToday(numbered(assignedTicket({ severity: 'C' }), numberOf(5)), now),
      savedToday(numbered(closedTicket(), numberOf(6)), now),
    ];
    for (const ticket of tickets) await fresh.container(TICKETS_CONTAINER).items.create({ ...ticket, appliedCommands: [] });
    const emails = [
      { id: 'm1', status: 'pending', createdAt: minutesAfter(now, -42) },
      { id: 'm2', status: 'pending', createdAt: minutesAfter(now, -3) },
      { id: 'm3', status: 'failed', createdAt: minutesAfter(now, -300) },
      { id: 'm4', status: 'sent', createdAt: minutesAfter(now, -500) },
    ];
    for (const email of emails) await fresh.container(OUTBOX_CONTAINER).items.create(email);

    const read = await readOperationsFigures(fresh, new Date(now));

    expect(read).toMatchObject({ kind: 'read' });
    if (read.kind !== 'read') return;
    expect(read.figures.snapshot).toMatchObject({ openTickets: 5, openTicketsAtSlaWarning: 2, openTicketsInSlaBreach: 2, outboxPending: 2, outboxOldestPendingMinutes: 42, outboxFailed: 1 });
    expect(read.figures.openTicketsByStatusAndSeverity).toEqual([
      { status: 'assigned', severity: 'A', count: 3 },
      { status: 'assigned', severity: 'B', count: 1 },
      { status: 'assigned', severity: 'C', count: 1 },
    ]);
  });

  it('makes as many store requests with 1,500 open tickets as with 10', async () => {
    const counter = await startStoreCounter();
    counter.forwardTo(cosmos.standIn.endpoint);
    const client = new CosmosClient(cosmosClientOptionsForStandIn(counter.endpoint, cosmos.standIn.key));
    try {
      const counted = await createdDatabase(client);
      const now = minutesAfter(T0, 600);
      const open = async (from: number, to: number) => {
        for (let start = from; start < to; start += 50) {
          const batch = Array.from({ length: Math.min(50, to - start) }, (_, offset) => start + offset);
          await Promise.all(
            batch.map((index) => {
              const ticket = index % 3 === 0 ? warned(assignedTicket({ severity: 'B' }), minutesAfter(T0, 30)) : assignedTicket();
              return counted.container(TICKETS_CONTAINER).items.create({ ...savedToday(numbered(ticket, numberOf(index + 1)), now), appliedCommands: [] });
            }),
          );
        }
      };
      const requestsOfOneSnapshot = async (openTickets: number) => {
        counter.reset();
        const read = await readOperationsFigures(counted, new Date(now));
        expect(read.kind === 'read' ? read.figures.snapshot.openTickets : read.failure.kind).toBe(openTickets);
        return counter.operations().length;
      };

      await open(0, 10);
      await requestsOfOneSnapshot(10); // the SDK's first query of a container also reads its partition key ranges
      const withTen = await requestsOfOneSnapshot(10);
      await open(10, 1_500);
      const withFifteenHundred = await requestsOfOneSnapshot(1_500);

      expect(withFifteenHundred).toBe(withTen);
      expect(withTen).toBeLessThanOrEqual(12);
    } finally {
      client.dispose();
      await counter.stop();
    }
  }, 120_000);
});
