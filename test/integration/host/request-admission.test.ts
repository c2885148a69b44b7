import { startFunctionHost, type RunningFunctionHost } from '../../../infra/local/host/function-host';
import { createHostLogger } from '../../../infra/local/host/host-log';
import { ensureCompiled, FIXTURE_APP } from './support/compiled-output';

let host: RunningFunctionHost;

beforeAll(async () => {
  ensureCompiled();
  host = await startFunctionHost({ appDirectory: FIXTURE_APP, port: 0, logger: createHostLogger({ level: 'error', write: () => undefined }) });
}, 180_000);

afterAll(() => host.stop());

function call(path: string, init?: RequestInit): Promise<Response> {
  return fetch(`${host.url}${path}`, init);
}

/** `GET <target> HTTP/1.1` and CRLF come to `target.length + 15` bytes. */
function targetForRequestLine(bytes: number, prefix: string): string {
  return `${prefix}${'a'.repeat(bytes - 15 - prefix.length)}`;
}

describe('requests the host hands to the function, as Azure does', () => {
  it('passes a Content-Type nobody can parse, as sent, with the body', async () => {
    const response = await call('/api/echo', { method: 'POST', headers: { 'content-type': 'foo/bar;;;' }, body: 'hello' });
    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toMatchObject({ contentType: 'foo/bar;;;', length: 5 });
  });

  it('passes a route value of 400 characters', async () => {
    const name = 'a'.repeat(400);
    const response = await call(`/api/items/${name}`);
    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toMatchObject({ functionName: 'itemByName', params: { name } });
  });

  it('passes a request line of exactly 8 KB and headers beyond what Node allows by default', async () => {
    const target = targetForRequestLine(8192, '/api/items/');
    expect((await call(target)).status).toBe(200);
    expect((await call('/api/items/widget', { headers: { 'x-trace-context': 'b'.repeat(20_000) } })).status).toBe(200);
  });
});

describe('requests the host refuses before any function runs, as Kestrel does', () => {
  it('answers 414 to a request line over 8 KB', async () => {
    const response = await call(targetForRequestLine(8193, '/api/items/'));
    expect(response.status).toBe(414);
    expect(await response.text()).toBe('');
  });

  it('answers 431 to header lines over 32 KB', async () => {
    const response = await call('/api/items/widget', { headers: { 'x-trace-context': 'b'.repeat(33 * 1024) } });
    expect(response.status).toBe(431);
  });
});
