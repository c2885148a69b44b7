import { z } from 'zod';
import { createHash } from 'node:crypto';
import { startFunctionHost, type RunningFunctionHost } from '../../../infra/local/host/function-host';
import { createHostLogger } from '../../../infra/local/host/host-log';
import { ensureCompiled, FIXTURE_APP } from './support/compiled-output';

const KEYS = {
  LocalHost__MasterKey: 'master-secret',
  LocalHost__HostKeys: 'host-secret',
  LocalHost__FunctionKeys__functionLevel: 'function-secret',
};

let host: RunningFunctionHost;
const loggedErrors: string[] = [];

beforeAll(async () => {
  ensureCompiled();
  host = await startFunctionHost({
    appDirectory: FIXTURE_APP,
    port: 0,
    settings: KEYS,
    logger: createHostLogger({
      level: 'error',
      write: () => undefined,
      listener: (entry) => {
        if (entry.level === 'error') loggedErrors.push(entry.message);
      },
    }),
  });
}, 180_000);

afterAll(() => host.stop());

function call(path: string, init?: RequestInit): Promise<Response> {
  return fetch(`${host.url}${path}`, init);
}

async function json(path: string, init?: RequestInit): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await call(path, init);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('HTTP routes', () => {
  it('lets route constraints choose between two functions on the same path', async () => {
    await expect(json('/api/items/42')).resolves.toMatchObject({
      status: 200,
      body: { functionName: 'itemById', params: { id: '42' } },
    });
    await expect(json('/api/items/widget')).resolves.toMatchObject({
      status: 200,
      body: { functionName: 'itemByName', params: { name: 'widget' } },
    });
  });

  it('answers 404 when no constraint accepts the value', async () => {
    expect((await call('/api/items/4x2')).status).toBe(404);
  });

  it('answers 405 when the path matches but the method does not', async () => {
    const response = await call('/api/items/42', { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
    expect((await call('/api/items/widget', { method: 'DELETE' })).status).toBe(200);
  });

  it('fills optional parameters when present and leaves them out when not', async () => {
    await expect(json('/api/reports/2026')).resolves.toMatchObject({ body: { params: { year: '2026' } } });
    await expect(json('/api/reports/2026/7')).resolves.toMatchObject({ body: { params: { year: '2026', month: '7' } } });
    expect((await call('/api/reports/2026/july')).status).toBe(404);
  });

  it('hands a catch-all parameter the rest of the path', async () => {
    await expect(json('/api/files/reports/2026/q1.pdf')).resolves.toMatchObject({
      body: { params: { path: 'reports/2026/q1.pdf' } },
    });
    await expect(json('/api/files')).resolves.toMatchObject({ status: 200, body: { params: {} } });
  });

  it('routes a function without a route by its name, case-insensitively, joining repeated query values', async () => {
    await expect(json('/API/DefaultRoute?tag=a&tag=b&q=1', { method: 'POST' })).resolves.toMatchObject({
      status: 200,
      body: { functionName: 'defaultRoute', method: 'POST', query: { tag: 'a,b', q: '1' } },
    });
    expect((await call('/api/defaultRoute', { method: 'PATCH' })).status).toBe(405);
  });

  it('answers 404 outside every route and 200 at the root', async () => {
    expect((await call('/api/unknown')).status).toBe(404);
    expect((await call('/')).status).toBe(200);
  });
});

describe('HTTP request bodies', () => {
  it('hands a JSON body to the function untouched', async () => {
    const { body } = await json('/api/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-custom': 'yes' },
      body: JSON.stringify({ ticket: 'T-1', severity: 'A' }),
    });
    expect(body).toMatchObject({ parsed: { ticket: 'T-1', severity: 'A' }, customHeader: 'yes' });
  });

  it('hands a form-urlencoded body to the function', async () => {
    const { body } = await json('/api/echo', {
      method: 'PUT',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=Ada+Lovelace&plan=gold',
    });
    expect(body.parsed).toEqual({ name: 'Ada Lovelace', plan: 'gold' });
  });

  it('hands raw bytes to the function byte for byte', async () => {
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, index) => index));
    const { body } = await json('/api/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    expect(body).toMatchObject({ length: 256, sha256: createHash('sha256').update(bytes).digest('hex') });
  });

  it('lets the function read multipart form data', async () => {
    const form = new FormData();
    form.append('subject', 'Printer on fire');
    form.append('attachment', new Blob(['log']), 'log.txt');
    await expect(json('/api/formFields', { method: 'POST', body: form })).resolves.toMatchObject({
      body: { subject: 'Printer on fire', attachment: 'file' },
    });
  });
});

describe('HTTP responses', () => {
  it('uses the status, headers and body of a plain object return', async () => {
    const response = await call('/api/status/418');
    expect(response.status).toBe(418);
    expect(response.headers.get('x-answered-by')).toBe('status');
    expect(await response.text()).toBe('status 418');
  });

  it('reads request cookies and sets response cookies with their attributes', async () => {
    const response = await call('/api/cookies', { headers: { cookie: 'visitor=42' } });
    expect(await response.json()).toEqual({ received: 'visitor=42' });
    const cookies = response.headers.getSetCookie();
    expect(cookies).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^session=abc123; Path=\/; HttpOnly; SameSite=Strict$/),
        expect.stringMatching(/^theme=dark; Max-Age=3600; Secure$/),
      ]),
    );
  });

  it('answers 204 when the function returns nothing', async () => {
    const response = await call('/api/noContent', { method: 'POST' });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
  });

  it('answers 500 without the error or its stack when the handler throws, and logs it', async () => {
    const response = await call('/api/boom');
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(text).not.toContain('hunter2');
    expect(text).not.toMatch(/at .*\.js/);
    expect(loggedErrors.some((message) => message.includes('hunter2'))).toBe(true);
  });

  it('answers with a named HTTP output set through extraOutputs', async () => {
    await expect(json('/api/extra-output')).resolves.toEqual({ status: 201, body: { via: 'extraOutputs' } });
  });

  it('lets invocation hooks see every call and rewrite a result', async () => {
    const response = await call('/api/hooked');
    expect(response.headers.get('x-post-invocation')).toBe('ran');
    expect(await response.json()).toMatchObject({ appStarted: true, postInvocation: 'preInvocation' });
  });
});

describe('function keys', () => {
  it('refuses a function-level function without a key or with a wrong one', async () => {
    expect((await call('/api/secure/function')).status).toBe(401);
    expect((await call('/api/secure/function', { headers: { 'x-functions-key': 'guess' } })).status).toBe(401);
  });

  it('accepts the function key, a host key or the master key, in the header or the code parameter', async () => {
    expect((await call('/api/secure/function?code=function-secret')).status).toBe(200);
    expect((await call('/api/secure/function', { headers: { 'x-functions-key': 'host-secret' } })).status).toBe(200);
    expect((await call('/api/secure/function?code=master-secret')).status).toBe(200);
  });

  it('accepts only the master key for an admin-level function', async () => {
    expect((await call('/api/secure/admin?code=host-secret')).status).toBe(401);
    expect((await call('/api/secure/admin', { headers: { 'x-functions-key': 'master-secret' } })).status).toBe(200);
  });

  it('guards the admin API with the master key', async () => {
    expect((await call('/admin/host/status')).status).toBe(401);
    const { status, body } = await json('/admin/host/status', { headers: { 'x-functions-key': 'master-secret' } });
    expect(status).toBe(200);
    expect(body).toMatchObject({ state: 'Running', ready: true });
    expect(body.functions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'itemById', route: '/api/items/{id:int}', methods: ['GET'], authLevel: 'anonymous' }),
        expect.objectContaining({ name: 'everyFiveMinutes', triggerType: 'timerTrigger', schedule: '0 */5 * * * *' }),
      ]),
    );
  });

  it('counts the invocations of each function since it started', async () => {
    const invocationsOf = async (name: string): Promise<number | undefined> => {
      const { body } = await json('/admin/host/status', { headers: { 'x-functions-key': 'master-secret' } });
      return z.array(z.object({ name: z.string(), invocations: z.number() })).parse(body.functions).find((fn) => fn.name === name)?.invocations;
    };
    const before = (await invocationsOf('itemById')) ?? Number.NaN;
    expect((await call('/api/items/7')).status).toBe(200);
    expect((await call('/api/items/8')).status).toBe(200);
    expect(await invocationsOf('itemById')).toBe(before + 2);
  });
});
