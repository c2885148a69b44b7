import { TableClient } from '@azure/data-tables';
import { HOUR, postJson, readJson, useDurableHarness } from './support/durable-harness';
import { eventsOf, statusWithHistory } from './support/history';

const harness = useDurableHarness({ hub: 'ManagementHub', extension: { queryPageSize: 2 } });

async function control(instanceId: string, action: string, reason: string): Promise<void> {
  const response = await harness.api(`shipments/${instanceId}/${action}?reason=${encodeURIComponent(reason)}`, { method: 'POST' });
  expect(response.status).toBe(202);
  await harness.settle();
}

describe('continue-as-new', () => {
  it('restarts the instance with the new input, keeping only the latest execution’s history', async () => {
    await harness.start('trackParcel', 'track-1', { parcel: 'track-1', checks: 0, until: 3 });
    for (let hour = 0; hour < 3; hour += 1) await harness.advance(HOUR);
    const finished = await statusWithHistory(harness, 'track-1');
    expect(finished).toMatchObject({
      runtimeStatus: 'Completed',
      output: 'tracked 3 times',
      input: { parcel: 'track-1', checks: 3, until: 3 },
      customStatus: { checks: 3 },
    });
    expect(eventsOf(finished, 'ExecutionStarted')).toHaveLength(1);
    expect(eventsOf(finished, 'TimerFired')).toHaveLength(0);
  });
});

describe('terminate', () => {
  it('ends the instance with the reason as output, and its pending timer never fires', async () => {
    await harness.start('awaitSignature', 'term-1');
    await control('term-1', 'terminate', 'parcel lost');
    expect(await harness.status('term-1')).toMatchObject({ runtimeStatus: 'Terminated', output: 'parcel lost' });
    await harness.advance(5 * HOUR);
    const after = await statusWithHistory(harness, 'term-1');
    expect(eventsOf(after, 'TimerFired')).toHaveLength(0);
    expect(eventsOf(after, 'ExecutionTerminated')).toHaveLength(1);
    const late = await harness.rpc('instances/term-1/raiseEvent/signature', postJson('too late'));
    expect(late.status).toBe(410);
    expect(harness.journal().some((entry) => entry['signer'] === 'too late')).toBe(false);
  });
});

describe('suspend and resume', () => {
  it('holds what arrives while suspended and carries on after resume', async () => {
    await harness.start('awaitSignature', 'susp-1');
    await control('susp-1', 'suspend', 'address check');
    expect(await harness.status('susp-1')).toMatchObject({ runtimeStatus: 'Suspended' });
    await harness.api('shipments/susp-1/events/signature', postJson('Bo'));
    await harness.settle();
    expect(await harness.status('susp-1')).toMatchObject({ runtimeStatus: 'Suspended' });
    expect(harness.journal().some((entry) => entry['signer'] === 'Bo')).toBe(false);
    await control('susp-1', 'resume', 'address fine');
    expect(await harness.status('susp-1')).toMatchObject({ runtimeStatus: 'Completed', output: 'signed by Bo' });
  });
});

describe('sub-orchestrations and custom status', () => {
  it('returns each child’s result to the parent, which reports its stage', async () => {
    await harness.start('consolidate', 'cons-1');
    expect(await harness.status('cons-1')).toMatchObject({ runtimeStatus: 'Running', customStatus: { stage: 'shipping parts' } });
    await harness.advance(HOUR);
    expect(await harness.status('cons-1')).toMatchObject({
      runtimeStatus: 'Completed',
      customStatus: { stage: 'consolidated' },
      output: [
        ['packed part-a', 'shipped part-a'],
        ['packed part-b', 'shipped part-b'],
      ],
    });
    expect(await harness.status('cons-1:part-a')).toMatchObject({ runtimeStatus: 'Completed', name: 'shipParcel' });
  });
});

describe('queries', () => {
  it('page through matching instances with x-ms-continuation-token', async () => {
    const ids = ['page-1', 'page-2', 'page-3', 'page-4', 'page-5'];
    for (const id of ids) await harness.start('printLabels', id);
    const seen: string[] = [];
    let token: string | null = null;
    let pages = 0;
    do {
      const response: Response = await harness.rpc('instances?runtimeStatus=Completed&instanceIdPrefix=page-', {
        headers: token ? { 'x-ms-continuation-token': token } : {},
      });
      const page = await readJson<{ instanceId: string; runtimeStatus: string }[]>(response);
      expect(page.length).toBeLessThanOrEqual(2);
      seen.push(...page.map((item) => item.instanceId));
      token = response.headers.get('x-ms-continuation-token');
      pages += 1;
    } while (token);
    expect(seen.sort()).toEqual(ids);
    expect(pages).toBeGreaterThanOrEqual(3);
    const viaClient = await readJson<{ instanceId: string }[]>(await harness.api('query?runtimeStatus=Completed'));
    expect(viaClient.map((item) => item.instanceId)).toEqual(expect.arrayContaining(ids));
    const running = await readJson<{ instanceId: string }[]>(await harness.api('query?runtimeStatus=Pending'));
    expect(running.map((item) => item.instanceId)).not.toEqual(expect.arrayContaining(['page-1']));
  });
});

describe('purge', () => {
  async function rowsOf(instanceId: string): Promise<number> {
    const options = { allowInsecureConnection: true };
    let count = 0;
    for (const table of ['ManagementHubHistory', 'ManagementHubInstances']) {
      const client = TableClient.fromConnectionString(harness.azurite.connectionString, table, options);
      const filter = `InstanceId eq '${instanceId}'`;
      for await (const row of client.listEntities({ queryOptions: { filter } })) if (row) count += 1;
    }
    return count;
  }

  it('deletes one finished instance and refuses one still running', async () => {
    await harness.start('printLabels', 'purge-1');
    expect(await rowsOf('purge-1')).toBeGreaterThan(0);
    expect(await readJson(await harness.api('shipments/purge-1', { method: 'DELETE' }))).toEqual({ instancesDeleted: 1 });
    expect((await harness.api('shipments/purge-1')).status).toBe(404);
    expect(await rowsOf('purge-1')).toBe(0);
    await harness.start('awaitSignature', 'purge-2');
    expect((await harness.rpc('instances/purge-2', { method: 'DELETE' })).status).toBe(412);
  });

  it('deletes finished instances by filter', async () => {
    await harness.advance(24 * HOUR);
    const from = new Date(harness.host.clock.now()).toISOString();
    await harness.start('printLabels', 'bulk-1');
    await harness.start('printLabels', 'bulk-2');
    await harness.start('awaitSignature', 'bulk-3');
    const purged = await readJson(await harness.api('purge', postJson({ createdTimeFrom: from, runtimeStatus: ['Completed'] })));
    expect(purged).toEqual({ instancesDeleted: 2 });
    expect((await harness.api('shipments/bulk-1')).status).toBe(404);
    expect(await harness.status('bulk-3')).toMatchObject({ runtimeStatus: 'Running' });
  });
});
