import { startFunctionHost, type RunningFunctionHost } from '../../../infra/local/host/function-host';
import { createHostLogger } from '../../../infra/local/host/host-log';
import type {
  BindingMetadata,
  ExtensionHost,
  HostExtension,
  RegisteredFunction,
} from '../../../infra/local/host/extension-contract';
import { ensureCompiled, EXTENSION_FIXTURE_APP } from './support/compiled-output';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const quiet = createHostLogger({ level: 'error', write: () => undefined });

/** A queue-like extension: it owns `workItemTrigger` and serves the `workClient` input binding. */
class WorkQueueExtension implements HostExtension {
  readonly name = 'work-queue';
  readonly triggerTypes = ['workItemTrigger'];
  readonly inputBindingTypes = ['workClient'];
  host: ExtensionHost | undefined;
  readonly results: unknown[] = [];
  stopped = false;
  #work: Array<Promise<unknown>> = [];

  async start(host: ExtensionHost): Promise<void> {
    this.host = host;
  }

  inputBindingData(binding: BindingMetadata, fn: RegisteredFunction): unknown {
    return { queue: this.host?.settings.WORK_QUEUE_NAME, binding: binding.type, forFunction: fn.name };
  }

  /** Delivers an item when the host clock reaches `at`; the handler's work takes real time. */
  deliverAt(at: number, item: unknown): void {
    this.host?.clock.schedule(at, () => {
      const work = new Promise((resolve) => setTimeout(resolve, 30))
        .then(() => this.host?.invoker.invoke('processWorkItem', { triggerValue: item }))
        .then((result) => this.results.push(result));
      this.#work.push(work);
    });
  }

  async whenIdle(): Promise<void> {
    while (this.#work.length > 0) await Promise.all(this.#work.splice(0));
  }

  async stop(): Promise<void> {
    this.stopped = true;
  }
}

let extension: WorkQueueExtension;
let host: RunningFunctionHost;

beforeAll(async () => {
  ensureCompiled();
  extension = new WorkQueueExtension();
  host = await startFunctionHost({
    appDirectory: EXTENSION_FIXTURE_APP,
    port: 0,
    clock: { mode: 'virtual', startAt: T0 },
    settings: { WORK_QUEUE_NAME: 'tickets' },
    extensions: [extension],
    logger: quiet,
  });
}, 180_000);

afterAll(() => host?.stop());

describe('host extensions', () => {
  it('starts the extension with the app functions, settings, host.json and the host clock', () => {
    expect(extension.host?.functions.map((fn) => fn.name).sort()).toEqual(['enqueueWork', 'failWorkItem', 'processWorkItem']);
    expect(extension.host?.settings.WORK_QUEUE_NAME).toBe('tickets');
    expect(extension.host?.hostJson).toMatchObject({ extensions: { workQueue: { queueName: '%WORK_QUEUE_NAME%' } } });
    expect(extension.host?.clock.now()).toBe(T0);
  });

  it('lets the extension invoke the functions whose trigger it owns, with its input binding data', async () => {
    await expect(extension.host?.invoker.invoke('processWorkItem', { triggerValue: { id: 1 } })).resolves.toEqual({
      item: { id: 1 },
      client: { queue: 'tickets', binding: 'workClient', forFunction: 'processWorkItem' },
    });
    await expect(extension.host?.invoker.invoke('failWorkItem', { triggerValue: {} })).rejects.toThrow('work item rejected');
  });

  it('fills the extension input binding of an HTTP function too', async () => {
    const response = await fetch(`${host.url}/api/work`, { method: 'POST', body: JSON.stringify({ id: 2 }) });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({
      accepted: { id: 2 },
      client: { queue: 'tickets', binding: 'workClient', forFunction: 'enqueueWork' },
    });
  });

  it('answers a clock advance only once the extension has finished what each step caused', async () => {
    extension.deliverAt(T0 + 1_000, { id: 'first' });
    extension.deliverAt(T0 + 2_000, { id: 'second' });
    extension.deliverAt(T0 + 60_000, { id: 'later' });
    await host.advanceClock({ ms: 5_000 });
    expect(extension.results).toEqual([
      expect.objectContaining({ item: { id: 'first' } }),
      expect.objectContaining({ item: { id: 'second' } }),
    ]);
  });

  it('refuses to start an app whose trigger no extension serves, naming the function and the trigger', async () => {
    await expect(startFunctionHost({ appDirectory: EXTENSION_FIXTURE_APP, port: 0, logger: quiet })).rejects.toThrow(
      /No extension serves the trigger of "processWorkItem" \(workItemTrigger\), "failWorkItem" \(workItemTrigger\)/,
    );
  });

  it('stops the extension when the host stops', async () => {
    const second = new WorkQueueExtension();
    const other = await startFunctionHost({ appDirectory: EXTENSION_FIXTURE_APP, port: 0, extensions: [second], logger: quiet });
    await other.stop();
    expect(second.stopped).toBe(true);
  });
});
