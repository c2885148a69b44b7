/**
 * The watchdog's selection against the Cosmos stand-in, every request counted by a proxy: each
 * save stores when the ticket's lifecycle must next act, a round finds the tickets past it with
 * one range query whatever the number of open tickets, a ticket saved before the field existed is
 * found once by its absence, and the watchdog's "look again later" write yields to a newer save.
 */
import type { Command } from '../../../shared/domain/commands/commands';
import { SYSTEM_ACTOR } from '../../../shared/domain/ticket/actor';
import type { EngineerRef } from '../../../shared/domain/ticket/engineer-ref';
import { watchOverLifecycles, WATCHDOG_GRACE_MS, type LifecycleInstances, type UnstampedTickets } from '../../../shared/orchestration/watchdog';
import { BATON_DATABASE, TICKETS_CONTAINER } from '../../../shared/store/containers';
import type { TicketServices } from '../../../shared/ticket-service/ticket-services';
import { sampleIntake } from './support/sample-intake';
import { startProxiedTicketService, type ProxiedTicketService } from './support/proxied-ticket-service';
import { ManualClock } from './support/ticket-service-fixture';

const START = '2026-11-23T10:00:00.000Z';
const MARIA: EngineerRef = { engineerId: 'maria-garcia', name: 'María García', email: 'maria.garcia@css.example', region: 'AMER' };
const toAssignment: Command[] = [
  { type: 'start-validation', actor: SYSTEM_ACTOR },
  { type: 'triage', actor: SYSTEM_ACTOR, slaPolicyId: 'enterprise-emea', queueId: 'identity-and-devices', contractId: 'contoso-unified', tamEmail: 'tom.reyes@css.example' },
  { type: 'assign', actor: SYSTEM_ACTOR, engineer: MARIA },
];

/** Every lifecycle alive; records what the round asks of them. */
function liveInstances(): LifecycleInstances & { readonly asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    liveness: async (ticketNumber) => (asked.push(ticketNumber), 'alive'),
    start: async () => 'already-started',
    wake: async () => undefined,
  };
}

describe('the watchdog’s selection of late lifecycles in the store', () => {
  let proxied: ProxiedTicketService;

  beforeAll(async () => {
    proxied = await startProxiedTicketService();
  });
  afterAll(() => proxied.stop());

  async function assignedTickets(services: TicketServices, clock: ManualClock, count: number): Promise<string[]> {
    const numbers: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const requester = { name: 'Ana Silva', email: `due-${String(index)}@contoso.com`, timeZone: 'Europe/Lisbon', available24x7: false };
      const opened = await services.openTicket({ intake: sampleIntake({ requester }), receivedAt: clock.now() });
      if (opened.kind !== 'accepted') throw new Error(`intake failed: ${opened.kind}`);
      const applied = await services.applyToTicket(opened.ticket.ticketNumber, () => toAssignment, clock.now().toISOString());
      if (applied.kind !== 'applied') throw new Error(`could not assign: ${applied.kind}`);
      numbers.push(opened.ticket.ticketNumber);
    }
    return numbers;
  }

  async function storedDueAt(services: TicketServices, ticketNumber: string): Promise<string | undefined> {
    const read = await services.repository.read(ticketNumber);
    if (read.kind !== 'found') throw new Error(`no ticket ${ticketNumber}`);
    return read.stored.lifecycleDueAt;
  }

  it('finds nothing with one query while nothing is due, however many tickets are open, and each ticket once it is', async () => {
    const clock = new ManualClock(START);
    const { services, databaseId } = proxied.fixture.services({ clock, cosmosClient: proxied.client });
    const org = services.orgConfig;
    const loaded = await org();
    if (loaded.kind !== 'loaded') throw new Error('no organisation');
    const quietRound = async (): Promise<{ queries: number; other: number; asked: number }> => {
      proxied.proxy.reset();
      const instances = liveInstances();
      await watchOverLifecycles(services.repository, loaded.config, instances, clock.now().toISOString(), { done: true });
      const onTickets = proxied.proxy.requests().filter((request) => request.container === TICKETS_CONTAINER && request.kind !== 'query-plan');
      return { queries: onTickets.filter((request) => request.kind === 'query').length, other: onTickets.filter((request) => request.kind !== 'query').length, asked: instances.asked.length };
    };

    const [first] = await assignedTickets(services, clock, 1);
    if (first === undefined) throw new Error('no ticket');
    const dueAt = await storedDueAt(services, first);
    expect(dueAt).toBeDefined();
    clock.advance(10 * 60_000);
    const withOne = await quietRound();
    const [later] = await assignedTickets(services, clock, 20);
    if (later === undefined) throw new Error('no ticket');
    clock.advance(2 * 60_000);
    const withMany = await quietRound();
    expect(withOne).toEqual({ queries: 1, other: 0, asked: 0 });
    expect(withMany).toEqual(withOne);

    // Past the first ticket's instant (its first-response warning), that ticket alone is examined.
    clock.advance(Date.parse(dueAt ?? START) + WATCHDOG_GRACE_MS + 1_000 - clock.now().getTime());
    const instances = liveInstances();
    const report = await watchOverLifecycles(services.repository, loaded.config, instances, clock.now().toISOString(), { done: true });
    expect(instances.asked).toEqual([first]);
    expect(report.woken).toEqual([first]);

    // A ticket saved before the field existed is found by its absence, once, and stamped.
    const container = proxied.fixture.client.database(databaseId ?? BATON_DATABASE).container(TICKETS_CONTAINER);
    const laterDueAt = await storedDueAt(services, later);
    const { resource } = await container.item(later, later).read<Record<string, unknown>>();
    if (resource === undefined) throw new Error('no document');
    const { lifecycleDueAt: _stamp, ...legacy } = resource;
    await container.items.upsert(legacy);
    expect(await storedDueAt(services, later)).toBeUndefined();
    const unstamped: UnstampedTickets = { done: false };
    const migration = await watchOverLifecycles(services.repository, loaded.config, liveInstances(), clock.now().toISOString(), unstamped);
    expect(migration.postponed).toEqual([later]);
    expect(await storedDueAt(services, later)).toBe(laterDueAt);
    expect(unstamped.done).toBe(false);
    await watchOverLifecycles(services.repository, loaded.config, liveInstances(), clock.now().toISOString(), unstamped);
    expect(unstamped.done).toBe(true);
  }, 60_000);

  it('does not move the watchdog’s next look over a save that computed it afresh', async () => {
    const clock = new ManualClock(START);
    const { services } = proxied.fixture.services({ clock });
    const [number] = await assignedTickets(services, clock, 1);
    if (number === undefined) throw new Error('no ticket');
    const seen = await services.repository.read(number);
    if (seen.kind !== 'found') throw new Error('no ticket');
    clock.advance(60_000);
    await services.applyToTicket(number, () => ({ type: 'internal-note', actor: { role: 'engineer', id: MARIA.engineerId, name: MARIA.name }, note: 'Looking at the sign-in logs.' }), clock.now().toISOString());
    const afterSave = await storedDueAt(services, number);
    const postponed = await services.repository.postponeLifecycle({ stored: seen.stored, etag: seen.etag }, '2026-11-30T00:00:00.000Z');
    expect(postponed).toEqual({ kind: 'changed-meanwhile' });
    expect(await storedDueAt(services, number)).toBe(afterSave);
  }, 60_000);
});
