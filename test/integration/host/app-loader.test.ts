import { loadFunctionApp, type LoadedFunctionApp } from '../../../infra/local/host/app-loader';
import { createHostLogger } from '../../../infra/local/host/host-log';
import type { RpcHttpData } from '../../../infra/local/host/core-api-types';
import { ensureCompiled, EXTENSION_FIXTURE_APP, FIXTURE_APP } from './support/compiled-output';

const quietLogger = createHostLogger({ level: 'error' });

function httpTrigger(url: string, init: Partial<RpcHttpData> = {}): { triggerData: { http: RpcHttpData } } {
  return { triggerData: { http: { method: 'GET', url, headers: {}, query: {}, params: {}, ...init } } };
}

function responseBody(http: RpcHttpData | null | undefined): unknown {
  const bytes = http?.body?.bytes;
  return bytes ? JSON.parse(Buffer.from(bytes).toString('utf8')) : undefined;
}

beforeAll(() => ensureCompiled(), 180_000);

describe('loading a v4 app through @azure/functions-core', () => {
  let loaded: LoadedFunctionApp;

  beforeAll(async () => {
    loaded = await loadFunctionApp({ appDirectory: FIXTURE_APP, logger: quietLogger });
  });

  afterAll(() => loaded.terminate());

  it('captures every function the app registered, with its trigger type and bindings', () => {
    const byName = new Map(loaded.functions.map((fn) => [fn.name, fn]));
    expect(byName.get('itemById')?.triggerType).toBe('httpTrigger');
    expect(byName.get('everyFiveMinutes')?.triggerType).toBe('timerTrigger');
    const triggerOf = (name: string) =>
      Object.values(byName.get(name)?.bindings ?? {}).find((binding) => binding.type.endsWith('Trigger'));
    expect(triggerOf('everyFiveMinutes')?.schedule).toBe('0 */5 * * * *');
    expect(triggerOf('itemById')?.route).toBe('items/{id:int}');
    expect(byName.get('extraOutput')?.bindings.namedResponse).toMatchObject({ type: 'http', direction: 'out' });
    expect(loaded.entryPoints.length).toBeGreaterThanOrEqual(5);
  });

  it('invokes an HTTP function through the programming model and answers in the worker response shape', async () => {
    const response = await loaded.invoker.invokeRpc(
      'itemById',
      httpTrigger('http://localhost/api/items/42?expand=true', { params: { id: '42' }, query: { expand: 'true' } }),
    );
    const http = response.returnValue?.http;
    expect(http?.statusCode).toBe('200');
    expect(responseBody(http)).toEqual({
      functionName: 'itemById',
      method: 'GET',
      params: { id: '42' },
      query: { expand: 'true' },
    });
  });

  it('runs appStart once and the invocation hooks around every invocation', async () => {
    const response = await loaded.invoker.invokeRpc('hooked', httpTrigger('http://localhost/api/hooked'));
    const http = response.returnValue?.http;
    expect(http?.headers?.['x-post-invocation']).toBe('ran');
    expect(responseBody(http)).toMatchObject({
      appStarted: true,
      postInvocation: 'preInvocation',
      invocationsSeen: expect.arrayContaining(['hooked']) as unknown,
    });
  });

  it('returns named HTTP outputs from extraOutputs as output data', async () => {
    const response = await loaded.invoker.invokeRpc('extraOutput', httpTrigger('http://localhost/api/extra-output'));
    const named = response.outputData?.find((binding) => binding.name === 'namedResponse');
    expect(named?.data?.http?.statusCode).toBe('201');
    expect(responseBody(named?.data?.http)).toEqual({ via: 'extraOutputs' });
  });

  it('rejects with the error the handler threw', async () => {
    await expect(loaded.invoker.invokeRpc('boom', httpTrigger('http://localhost/api/boom'))).rejects.toThrow(
      'database password is hunter2',
    );
  });

  it('refuses to invoke a function the app never registered', async () => {
    await expect(loaded.invoker.invoke('missing', { triggerValue: {} })).rejects.toThrow('No function named "missing"');
  });
});

describe('invoking functions for an extension', () => {
  let loaded: LoadedFunctionApp;
  const clientData = { endpoint: 'http://127.0.0.1:1/work', token: 'local' };

  beforeAll(async () => {
    loaded = await loadFunctionApp({
      appDirectory: EXTENSION_FIXTURE_APP,
      logger: quietLogger,
      inputBindingSources: new Map([['workclient', () => clientData]]),
    });
  });

  afterAll(() => loaded.terminate());

  it('hands the trigger value and the input binding data to the handler and resolves with its return', async () => {
    await expect(loaded.invoker.invoke('processWorkItem', { triggerValue: { id: 7 } })).resolves.toEqual({
      item: { id: 7 },
      client: clientData,
    });
  });

  it('passes text as text, letting the worker parse JSON text as the real host does', async () => {
    await expect(loaded.invoker.invoke('processWorkItem', { triggerValue: '{"id":8}' })).resolves.toMatchObject({
      item: { id: 8 },
    });
  });

  it('rejects with the error a handler threw', async () => {
    await expect(loaded.invoker.invoke('failWorkItem', { triggerValue: {} })).rejects.toThrow('work item rejected');
  });

  it('registers the functions again when the same app is loaded a second time in one process', async () => {
    const again = await loadFunctionApp({ appDirectory: EXTENSION_FIXTURE_APP, logger: quietLogger });
    try {
      expect(again.functions.map((fn) => fn.name).sort()).toEqual(['enqueueWork', 'failWorkItem', 'processWorkItem']);
    } finally {
      await again.terminate();
    }
  });
});
