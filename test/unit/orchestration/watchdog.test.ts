import * as slaClockModule from '../../../shared/domain/sla/sla-clocks';
import { watchOverLifecycles, type LifecycleInstances, type LifecycleLiveness, type UnstampedTickets, type WatchdogRepository } from '../../../shared/orchestration/watchdog';
import type { LifecycleStart } from '../../../shared/orchestration/lifecycle-control';
import { LIFECYCLE_NEVER_DUE } from '../../../shared/store/lifecycle-due';
import { sampleOrg } from '../domain/support/org-fixtures';
import { engineer, requester } from '../domain/support/ticket-fixtures';
import { inMemoryPorts, type InMemoryPorts } from './support/in-memory-ports';
import { applyAt, chloe, minutesAfterT0, workedTicket } from './support/lifecycle-tickets';

const org = sampleOrg();

type RecordingInstances = LifecycleInstances & { started: string[]; woken: string[]; asked: string[] };

function instancesWith(alive: readonly string[]): RecordingInstances {
  const started: string[] = [];
  const woken: string[] = [];
  const asked: string[] = [];
  return {
    started,
    woken,
    asked,
    liveness: async (ticketNumber): Promise<LifecycleLiveness> => {
      asked.push(ticketNumber);
      return alive.includes(ticketNumber) ? 'alive' : 'gone';
    },
    start: async (ticketNumber): Promise<LifecycleStart> => {
      started.push(ticketNumber);
      return 'started';
    },
    wake: async (ticketNumber) => void woken.push(ticketNumber),
  };
}

/** Every repository call the round makes, by method. */
function countingRepository(ports: InMemoryPorts): WatchdogRepository & { calls: string[] } {
  const calls: string[] = [];
  const repository = ports.ticketRepository;
  return {
    calls,
    lifecyclesDue: (dueBy, maxItems) => (calls.push('lifecyclesDue'), repository.lifecyclesDue(dueBy, maxItems)),
    lifecyclesUnstamped: (maxItems) => (calls.push('lifecyclesUnstamped'), repository.lifecyclesUnstamped(maxItems)),
    postponeLifecycle: (current, nextLookAt) => (calls.push('postponeLifecycle'), repository.postponeLifecycle(current, nextLookAt)),
  };
}

const stamped = (): UnstampedTickets => ({ done: true });

/** Answered at minute 5: the next-update warning falls at minute 50, its breach at 65. */
const answered = workedTicket('BTN-2026-000001');
const WARNING_AT = minutesAfterT0(50);
const closed = applyAt(workedTicket('BTN-2026-000002'), [
  [10, { type: 'propose-resolution', actor: engineer(chloe), summary: 'The connector points at the new smart host.' }],
  [12, { type: 'confirm-resolution', actor: requester }],
]);

describe('the lifecycle watchdog', () => {
  it('stores with every save the instant at which the lifecycle must next act, and never for a finished ticket', () => {
    const ports = inMemoryPorts(org, () => minutesAfterT0(12));
    ports.save(answered, minutesAfterT0(5));
    ports.save(closed, minutesAfterT0(12));
    expect(ports.tickets.get('BTN-2026-000001')?.lifecycleDueAt).toBe(WARNING_AT);
    expect(ports.tickets.get('BTN-2026-000002')?.lifecycleDueAt).toBe(LIFECYCLE_NEVER_DUE);
  });

  it('restarts a lost lifecycle once its ticket is more than a minute overdue, and never that of a closed ticket', async () => {
    const ports = inMemoryPorts(org, () => minutesAfterT0(52));
    ports.save(answered, minutesAfterT0(5));
    ports.save(closed, minutesAfterT0(12));
    const instances = instancesWith([]);
    await watchOverLifecycles(ports.ticketRepository, org, instances, minutesAfterT0(50.5), stamped());
    expect(instances.started).toEqual([]);
    const report = await watchOverLifecycles(ports.ticketRepository, org, instances, minutesAfterT0(52), stamped());
    expect(report.restarted).toEqual(['BTN-2026-000001']);
    expect(instances.started).toEqual(['BTN-2026-000001']);
  });

  it('wakes a running lifecycle whose SLA warning is more than a minute overdue and not on the timeline, every round until it is', async () => {
    const ports = inMemoryPorts(org, () => minutesAfterT0(52));
    ports.save(answered, minutesAfterT0(5));
    const instances = instancesWith(['BTN-2026-000001']);
    await watchOverLifecycles(ports.ticketRepository, org, instances, minutesAfterT0(50.5), stamped());
    expect(instances.woken).toEqual([]);
    expect((await watchOverLifecycles(ports.ticketRepository, org, instances, minutesAfterT0(52), stamped())).woken).toEqual(['BTN-2026-000001']);
    expect((await watchOverLifecycles(ports.ticketRepository, org, instances, minutesAfterT0(53), stamped())).woken).toEqual(['BTN-2026-000001']);
    expect(instances.started).toEqual([]);
  });

  it('leaves alone a lifecycle whose due alert is on record: that save moved its instant to the breach', async () => {
    const ports = inMemoryPorts(org, () => minutesAfterT0(52));
    const cycleId = `${minutesAfterT0(5)}/A`;
    const warned = applyAt(answered, [[50, { type: 'raise-sla-alert', actor: { role: 'system', id: 'baton' }, alert: { kind: 'warning', metric: 'next-update', cycleId, key: `next-update:${cycleId}:warning`, dueAt: WARNING_AT } }]]);
    ports.save(warned, WARNING_AT);
    const instances = instancesWith(['BTN-2026-000001']);
    const report = await watchOverLifecycles(ports.ticketRepository, org, instances, minutesAfterT0(52), stamped());
    expect(report.examined).toBe(0);
    expect(instances.woken).toEqual([]);
    expect(ports.tickets.get('BTN-2026-000001')?.lifecycleDueAt).toBe(minutesAfterT0(65));
  });

  it('looks again at the agenda’s next instant when a live lifecycle has nothing overdue', async () => {
    const ports = inMemoryPorts(org, () => minutesAfterT0(20));
    // Saved at minute 5 as due at once (as a person's change can leave it), then settled by its lifecycle without a change.
    ports.save(answered, minutesAfterT0(5));
    const stale = ports.tickets.get('BTN-2026-000001');
    if (stale === undefined) throw new Error('not saved');
    ports.tickets.set('BTN-2026-000001', { ...stale, lifecycleDueAt: minutesAfterT0(5) });
    const instances = instancesWith(['BTN-2026-000001']);
    const report = await watchOverLifecycles(ports.ticketRepository, org, instances, minutesAfterT0(20), stamped());
    expect(report.postponed).toEqual(['BTN-2026-000001']);
    expect(instances.woken).toEqual([]);
    expect(ports.tickets.get('BTN-2026-000001')?.lifecycleDueAt).toBe(WARNING_AT);
    expect((await watchOverLifecycles(ports.ticketRepository, org, instances, minutesAfterT0(21), stamped())).examined).toBe(0);
  });

  it('examines once each ticket saved before the instant was stored: a lost lifecycle is restarted, a live one stamped', async () => {
    const ports = inMemoryPorts(org, () => minutesAfterT0(20));
    ports.put(answered);
    ports.put(workedTicket('BTN-2026-000003'));
    ports.put(closed);
    const instances = instancesWith(['BTN-2026-000003']);
    const unstamped: UnstampedTickets = { done: false };
    const report = await watchOverLifecycles(ports.ticketRepository, org, instances, minutesAfterT0(20), unstamped);
    expect(report.restarted).toEqual(['BTN-2026-000001']);
    expect(report.postponed).toEqual(['BTN-2026-000003', 'BTN-2026-000002']);
    expect(ports.tickets.get('BTN-2026-000003')?.lifecycleDueAt).toBe(WARNING_AT);
    expect(ports.tickets.get('BTN-2026-000002')?.lifecycleDueAt).toBe(LIFECYCLE_NEVER_DUE);
    // The restarted lifecycle stamps its ticket at its first save; until then each round finds it alive and stamps it.
    await watchOverLifecycles(ports.ticketRepository, org, instancesWith(['BTN-2026-000001', 'BTN-2026-000003']), minutesAfterT0(21), unstamped);
    await watchOverLifecycles(ports.ticketRepository, org, instances, minutesAfterT0(22), unstamped);
    expect(unstamped.done).toBe(true);
  });

  it('leaves a ticket saved before the instant was stored and changed within the last minute to whoever is changing it', async () => {
    const ports = inMemoryPorts(org, () => minutesAfterT0(5.5));
    ports.put(answered);
    const instances = instancesWith([]);
    await watchOverLifecycles(ports.ticketRepository, org, instances, minutesAfterT0(5.5), { done: false });
    expect(instances.started).toEqual([]);
  });

  describe('when nothing is due', () => {
    afterEach(() => jest.restoreAllMocks());

    /** One round at `minutes` over `openTickets` answered tickets (their first instant: the warning at minute 50). */
    async function roundOver(openTickets: number, minutes: number): Promise<{ calls: readonly string[]; asked: number; slaComputations: number }> {
      const ports = inMemoryPorts(org, () => minutesAfterT0(minutes));
      const numbers = Array.from({ length: openTickets }, (_, index) => `BTN-2026-${String(index + 1).padStart(6, '0')}`);
      for (const number of numbers) ports.save(workedTicket(number), minutesAfterT0(5));
      const repository = countingRepository(ports);
      const instances = instancesWith(numbers);
      const slaComputations = jest.spyOn(slaClockModule, 'slaClocks');
      await watchOverLifecycles(repository, org, instances, minutesAfterT0(minutes), stamped());
      const counted = { calls: repository.calls, asked: instances.asked.length, slaComputations: slaComputations.mock.calls.length };
      slaComputations.mockRestore();
      return counted;
    }

    it('costs one store query and no SLA computation, however many tickets are open', async () => {
      for (const openTickets of [0, 50, 500]) {
        expect(await roundOver(openTickets, 20)).toEqual({ calls: ['lifecyclesDue'], asked: 0, slaComputations: 0 });
      }
    });

    it('computes only for the tickets that are due, once their instant has passed', async () => {
      const round = await roundOver(3, 52);
      expect(round.calls).toEqual(['lifecyclesDue']);
      expect(round.asked).toBe(3);
      expect(round.slaComputations).toBeGreaterThanOrEqual(3);
    });
  });
});
