import net from 'node:net';
import { ProblemSchema, ProblemTypes } from '../../../shared/http-edge/problem';
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

/** Writes `text` as the whole request and reads the raw answer until the host closes the connection. */
function rawExchange(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(host.port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    socket.end(text, 'latin1');
  });
}

interface RawAnswer {
  readonly status: number;
  readonly headers: Map<string, string>;
  readonly body: string;
}

function parseRawAnswer(answer: string): RawAnswer {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = new Map(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

describe("the host's own 400s, as problem details like the app's", () => {
  it.each([
    ['bad percent-encoding in the target', 'GET /api/items/%zz HTTP/1.1\r\nHost: local\r\n\r\n', 'The request target is not valid percent-encoding'],
    ['a truncated UTF-8 sequence in the target', 'GET /api/items/a%E0%A4%A HTTP/1.1\r\nHost: local\r\n\r\n', 'The request target is not valid percent-encoding'],
    ['a control byte in a header value', 'GET /api/items/widget HTTP/1.1\r\nHost: local\r\nX-Trace: a\x01b\r\n\r\n', 'The request has invalid header bytes'],
    ['a space in a header name', 'GET /api/items/widget HTTP/1.1\r\nHost: local\r\nBad Name: b\r\n\r\n', 'The request has invalid header bytes'],
    ['an unknown method', 'BREW /api/items/widget HTTP/1.1\r\nHost: local\r\n\r\n', 'The request method is not recognised'],
  ])('answers %s with application/problem+json', async (_case, request, title) => {
    const answer = parseRawAnswer(await rawExchange(request));
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    const problem = ProblemSchema.parse(JSON.parse(answer.body));
    expect(problem).toMatchObject({ type: ProblemTypes.malformedRequest, title, status: 400 });
  });
});

describe("host.json's custom headers", () => {
  it('go with what a function answers and with what the host answers itself', async () => {
    const fromFunction = await call('/api/items/widget');
    const notFound = await call('/api/no-such-route');
    const wrongMethod = await call('/api/items/42', { method: 'DELETE' });
    const tooLong = await call(targetForRequestLine(8193, '/api/items/'));
    expect([fromFunction.status, notFound.status, wrongMethod.status, tooLong.status]).toEqual([200, 404, 405, 414]);
    for (const response of [fromFunction, notFound, wrongMethod, tooLong]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});
