import { HOUR, postJson, START, useDurableHarness } from './support/durable-harness';
import { eventsOf, statusWithHistory } from './support/history';

const harness = useDurableHarness({ hub: 'SemanticsHub' });
const MINUTE = 60_000;

describe('a timer racing an event (Task.any)', () => {
  it('cancels the losing timer: it never fires and its branch never runs', async () => {
    await harness.start('awaitSignature', 'sign-1');
    await harness.api('shipments/sign-1/events/signature', postJson('Ana'));
    await harness.settle();
    await harness.advance(5 * HOUR);
    const finished = await statusWithHistory(harness, 'sign-1');
    expect(finished).toMatchObject({ runtimeStatus: 'Completed', output: 'signed by Ana' });
    expect(eventsOf(finished, 'TimerCreated')).toHaveLength(1);
    expect(eventsOf(finished, 'TimerFired')).toHaveLength(0);
    expect(harness.journal().filter((entry) => entry['step'] === 'signature')).toHaveLength(1);
  });

  it('takes the timer branch at the deadline when no event comes', async () => {
    await harness.start('awaitSignature', 'sign-2');
    await harness.advance(4 * HOUR - 1);
    expect(await harness.status('sign-2')).toMatchObject({ runtimeStatus: 'Running', customStatus: { waitingFor: 'signature' } });
    await harness.advance(1);
    expect(await harness.status('sign-2')).toMatchObject({ runtimeStatus: 'Completed', output: 'returned to depot' });
  });
});

describe('external events', () => {
  it('delivers an event raised before the orchestrator waits for it', async () => {
    await harness.api('start/clearCustoms/customs-1', postJson(null));
    // Raised at once: the orchestrator has not even scheduled its activity yet.
    await harness.api('shipments/customs-1/events/customsDecision', postJson({ cleared: true }));
    await harness.settle();
    expect(await harness.status('customs-1')).toMatchObject({ runtimeStatus: 'Completed', output: { cleared: true } });
  });
});

describe('large payloads', () => {
  it('keep events and history bigger than a table entity intact (stored as blobs)', async () => {
    const decision = { cleared: true, notes: 'x'.repeat(600_000) };
    await harness.api('start/clearCustoms/customs-big', postJson(null));
    await harness.api('shipments/customs-big/events/customsDecision', postJson(decision));
    await harness.settle();
    const finished = await statusWithHistory(harness, 'customs-big');
    expect(finished.runtimeStatus).toBe('Completed');
    expect(finished.output).toEqual(decision);
  });
});

describe('activity failures', () => {
  it('reach the orchestrator as an error it can catch', async () => {
    await harness.start('payForShipping', 'pay-1', { amount: 12, cardDeclined: true });
    const result = await harness.status('pay-1');
    expect(result['runtimeStatus']).toBe('Completed');
    expect(String(result['output'])).toContain("payment failed: Activity function 'chargeShipping' failed: card declined for 12");
  });

  it('fail the instance when uncaught, with the extension’s status output', async () => {
    await harness.start('payOrFail', 'pay-2', { amount: 7, cardDeclined: true });
    const result = await harness.status('pay-2');
    expect(result['runtimeStatus']).toBe('Failed');
    expect(String(result['output'])).toMatch(/^Orchestrator function 'payOrFail' failed: .*card declined for 7/);
  });
});

describe('retries', () => {
  it('wait first interval × backoff^n (capped) on durable timers, in virtual time', async () => {
    await harness.start('bookWithRetries', 'book-1', { parcel: 'book-1', failuresBeforeSuccess: 3 });
    const attempts = (): number => harness.journal().filter((entry) => entry['parcel'] === 'book-1').length;
    expect(attempts()).toBe(1);
    await harness.advance(10 * MINUTE - 1);
    expect(attempts()).toBe(1);
    await harness.advance(1);
    expect(attempts()).toBe(2);
    await harness.advance(60 * MINUTE);
    const finished = await statusWithHistory(harness, 'book-1');
    expect(finished.output).toBe('booked on attempt 4');
    const scheduledAt = [...eventsOf(finished, 'TaskFailed'), ...eventsOf(finished, 'TaskCompleted')]
      .map((event) => Date.parse(String(event['ScheduledTime'])))
      .sort((a, b) => a - b);
    const first = scheduledAt[0] ?? 0;
    // 10 min, then 20, then 40 capped to 30.
    expect(scheduledAt.map((at) => (at - first) / MINUTE)).toEqual([0, 10, 30, 60]);
  });
});

describe('fan-out', () => {
  it('runs Task.all activities and returns their results in order', async () => {
    await harness.start('printLabels', 'labels-1');
    expect(await harness.status('labels-1')).toMatchObject({ output: ['label:north', 'label:south', 'label:east'] });
  });
});

describe('long timers', () => {
  it('wait beyond the short-timer cap in slices and end at the requested instant', async () => {
    await harness.start('holdAtDepot', 'hold-1', { hours: 240 });
    const began = Date.parse(String((await harness.status('hold-1'))['createdTime']));
    await harness.advance(240 * HOUR);
    const finished = await statusWithHistory(harness, 'hold-1');
    expect(finished.output).toBe(new Date(began + 240 * HOUR).toISOString());
    const slices = eventsOf(finished, 'TimerCreated').map((event) => (Date.parse(String(event['FireAt'])) - began) / HOUR);
    expect(slices).toEqual([72, 144, 240]);
  });
});

describe('starting', () => {
  it('refuses an unknown orchestrator and an instance id that is still running', async () => {
    const unknown = await harness.rpc('orchestrators/noSuchFlow', { method: 'POST' });
    expect(unknown.status).toBe(400);
    await harness.start('awaitSignature', 'busy-1');
    const again = await harness.rpc('orchestrators/awaitSignature/busy-1', { method: 'POST' });
    expect(again.status).toBe(409);
    expect((await harness.api('start/awaitSignature/busy-1', postJson(null))).status).toBe(409);
  });

  it('restarts an instance id whose previous run has finished, as a new execution', async () => {
    await harness.start('printLabels', 'again-1');
    const first = await harness.status('again-1');
    await harness.advance(HOUR);
    await harness.start('printLabels', 'again-1');
    const second = await harness.status('again-1');
    expect(second['runtimeStatus']).toBe('Completed');
    expect(Date.parse(String(second['createdTime']))).toBeGreaterThan(Date.parse(String(first['createdTime'])));
    expect(Date.parse(String(second['createdTime']))).toBeGreaterThanOrEqual(START + HOUR);
  });
});
