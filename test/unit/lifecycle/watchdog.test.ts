import { watchOverLifecycles, type LifecycleInstances } from '../../../shared/lifecycle/watchdog';
import type { LifecycleStart } from '../../../shared/tickets/lifecycle-control';
import { sampleOrg } from '../domain/support/org-fixtures';
import { engineer, requester } from '../domain/support/ticket-fixtures';
import { inMemoryPorts } from './support/in-memory-ports';
import { applyAt, chloe, minutesAfterT0, workedTicket } from './support/lifecycle-tickets';

const org = sampleOrg();

function instancesWith(alive: readonly string[]): LifecycleInstances & { started: string[]; woken: string[] } {
  const started: string[] = [];
  const woken: string[] = [];
  return {
    started,
    woken,
    aliveInstanceIds: async () => new Set(alive),
    start: async (ticketNumber): Promise<LifecycleStart> => {
      started.push(ticketNumber);
      return 'started';
    },
    wake: async (ticketNumber) => void woken.push(ticketNumber),
  };
}

/** Answered at minute 5: the next-update warning falls at minute 50, its breach at 65. */
const answered = workedTicket('BTN-2026-000001');
const closed = applyAt(workedTicket('BTN-2026-000002'), [
  [10, { type: 'propose-resolution', actor: engineer(chloe), summary: 'The connector points at the new smart host.' }],
  [12, { type: 'confirm-resolution', actor: requester }],
]);

describe('the lifecycle watchdog', () => {
  it('restarts the lifecycle of an open ticket whose orchestration is gone, but not of a closed one', async () => {
    const ports = inMemoryPorts(org, () => minutesAfterT0(20));
    ports.put(answered);
    ports.put(closed);
    const instances = instancesWith([]);
    const report = await watchOverLifecycles(ports, org, instances, minutesAfterT0(20));
    expect(instances.started).toEqual(['BTN-2026-000001']);
    expect(report.restarted).toEqual(['BTN-2026-000001']);
  });

  it('leaves a ticket changed within the last minute to the intake that is starting it', async () => {
    const ports = inMemoryPorts(org, () => minutesAfterT0(5.5));
    ports.put(answered);
    const instances = instancesWith([]);
    await watchOverLifecycles(ports, org, instances, minutesAfterT0(5.5));
    expect(instances.started).toEqual([]);
  });

  it('wakes a running lifecycle whose SLA warning is more than a minute overdue and not on the timeline', async () => {
    const ports = inMemoryPorts(org, () => minutesAfterT0(52));
    ports.put(answered);
    const instances = instancesWith(['BTN-2026-000001']);
    await watchOverLifecycles(ports, org, instances, minutesAfterT0(50.5));
    expect(instances.woken).toEqual([]);
    const report = await watchOverLifecycles(ports, org, instances, minutesAfterT0(52));
    expect(report.woken).toEqual(['BTN-2026-000001']);
    expect(instances.started).toEqual([]);
  });

  it('leaves alone a lifecycle whose due alert is already recorded', async () => {
    const ports = inMemoryPorts(org, () => minutesAfterT0(52));
    const warned = applyAt(answered, [[50, { type: 'raise-sla-alert', actor: { role: 'system', id: 'baton' }, kind: 'warning', metric: 'next-update', cycleId: `${minutesAfterT0(5)}/A`, key: `next-update:${minutesAfterT0(5)}/A:warning`, dueAt: minutesAfterT0(50) }]]);
    ports.put(warned);
    const instances = instancesWith(['BTN-2026-000001']);
    await watchOverLifecycles(ports, org, instances, minutesAfterT0(52));
    expect(instances.woken).toEqual([]);
  });
});
