import { HOUR, useDurableHarness } from './support/durable-harness';

const harness = useDurableHarness({ hub: 'SmokeHub' });

describe('durable smoke', () => {
  it('ships a parcel', async () => {
    await harness.start('shipParcel', 'smoke-1', { parcel: 'p1' });
    await harness.advance(HOUR);
    expect(await harness.status('smoke-1')).toMatchObject({ runtimeStatus: 'Completed', output: ['packed p1', 'shipped p1'] });
    expect(harness.errors).toEqual([]);
  });
});
