import { HOUR, postJson, readJson, startHarness, type DurableHarness } from './support/durable-harness';

let harness: DurableHarness;

beforeAll(async () => {
  harness = await startHarness({ hub: 'SmokeHub' });
}, 180_000);

afterAll(() => harness.stop());

describe('durable smoke', () => {
  it('ships a parcel', async () => {
    const started = await harness.api('start/shipParcel/smoke-1', postJson({ parcel: 'p1' }));
    expect(started.status).toBe(202);
    await harness.settle();
    await harness.advance(HOUR);
    const status = await readJson(await harness.api('shipments/smoke-1'));
    expect(status).toMatchObject({ runtimeStatus: 'Completed', output: ['packed p1', 'shipped p1'] });
    expect(harness.errors).toEqual([]);
  });
});
