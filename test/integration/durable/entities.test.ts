import { postJson, readJson, useDurableHarness } from './support/durable-harness';

const harness = useDurableHarness({ hub: 'EntitiesHub' });

async function stock(depot: string): Promise<{ entityExists: boolean; entityState: unknown }> {
  return readJson(await harness.api(`depots/${depot}`));
}

describe('durable entities', () => {
  it('do not exist before their first operation', async () => {
    expect(await stock('empty')).toEqual({ entityExists: false, entityState: null });
  });

  it('apply signals from clients in order and show their state', async () => {
    await harness.api('depots/leeds/add', postJson(5));
    await harness.api('depots/leeds/add', postJson(3));
    await harness.api('depots/leeds/remove', postJson(2));
    await harness.settle();
    expect(await stock('leeds')).toEqual({ entityExists: true, entityState: 6 });
  });

  it('answer calls from an orchestration and take its signals', async () => {
    await harness.api('depots/york/add', postJson(4));
    await harness.settle();
    await harness.start('reserveFromDepot', 'reserve-1', 'york');
    expect(await harness.status('reserve-1')).toMatchObject({ runtimeStatus: 'Completed', output: { before: 4, after: 3 } });
    expect(await stock('york')).toEqual({ entityExists: true, entityState: 3 });
  });

  it('keep their state when an operation throws', async () => {
    await harness.api('depots/hull/add', postJson(1));
    await harness.api('depots/hull/remove', postJson(9));
    await harness.api('depots/hull/add', postJson(1));
    await harness.settle();
    expect(await stock('hull')).toEqual({ entityExists: true, entityState: 2 });
  });
});
