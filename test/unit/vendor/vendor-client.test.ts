import { createVendorClient, type NewServiceRequest, type VendorClientOptions } from '../../../shared/vendor';

const newCase: NewServiceRequest = {
  title: 'Conditional access blocks all sign-ins',
  description: 'Since 09:00 every user gets AADSTS53003.',
  severity: 'critical',
  supportTopicId: 'entra-id',
  organization: { id: 'contoso.onmicrosoft.com', name: 'Contoso' },
  primaryContact: { firstName: 'Ana', lastName: 'Silva', email: 'ana@partner.example' },
};

const caseBody = {
  ...newCase,
  id: '2600000000000001',
  status: 'open',
  scope: null,
  notes: [],
  createdDate: '2026-11-23T10:00:00.000Z',
  lastModifiedDate: '2026-11-23T10:00:00.000Z',
  lastClosedDate: null,
};

interface Call {
  readonly url: string;
  readonly init: RequestInit | undefined;
}

type Reply = Response | Error | ((init: RequestInit | undefined) => Promise<Response>);

/** A fetch that answers from a queue and records every call. */
function scriptedFetch(replies: Reply[]): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fake = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    calls.push({ url: String(input), init });
    const reply = replies.shift();
    if (reply === undefined) throw new Error('no reply scripted');
    if (reply instanceof Error) throw reply;
    if (typeof reply === 'function') return reply(init);
    return reply;
  };
  return { fetch: fake as typeof fetch, calls };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

function headerOf(call: Call | undefined, name: string): string | null {
  return new Headers(call?.init?.headers).get(name);
}

function clientWith(fetchImpl: typeof fetch, extra: Partial<VendorClientOptions> = {}) {
  const sleeps: number[] = [];
  const client = createVendorClient({
    baseUrl: 'http://vendor.test/',
    auth: { kind: 'api-key', apiKey: 'k-1' },
    fetch: fetchImpl,
    retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 5_000 },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...extra,
  });
  return { client, sleeps };
}

describe('vendor client', () => {
  it('opens a case with the key, a request id and the Partner Center path', async () => {
    const { fetch, calls } = scriptedFetch([json(201, caseBody)]);
    const { client } = clientWith(fetch);
    const result = await client.createCase(newCase);
    expect(result).toMatchObject({ ok: true, attempts: 1, value: { id: '2600000000000001', status: 'open' } });
    expect(calls[0]?.url).toBe('http://vendor.test/v1/servicerequests/en-US');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(headerOf(calls[0], 'x-api-key')).toBe('k-1');
    expect(headerOf(calls[0], 'ms-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('retries 503 and network errors with backoff, reusing one request id, until it succeeds', async () => {
    const { fetch, calls } = scriptedFetch([
      json(503, { code: 'ServiceUnavailable', description: 'busy' }),
      new TypeError('fetch failed'),
      json(201, caseBody),
    ]);
    const { client, sleeps } = clientWith(fetch);
    const result = await client.createCase(newCase, { requestId: 'ticket-T-9-escalation' });
    expect(result).toMatchObject({ ok: true, attempts: 3 });
    expect(sleeps).toEqual([50, 100]); // half of 100 then half of 200: jitter 0.5
    expect(calls.map((call) => headerOf(call, 'ms-requestid'))).toEqual(Array(3).fill('ticket-T-9-escalation'));
  });

  it('waits as long as Retry-After asks on 429', async () => {
    const { fetch } = scriptedFetch([json(429, { code: 'TooManyRequests', description: 'slow down' }, { 'retry-after': '2' }), json(200, caseBody)]);
    const { client, sleeps } = clientWith(fetch);
    expect((await client.getCase('2600000000000001')).ok).toBe(true);
    expect(sleeps).toEqual([2_000]);
  });

  it('gives up after the last attempt with a typed unavailable error', async () => {
    const failure = (): Response => json(503, { code: 'ServiceUnavailable', description: 'down' });
    const { fetch, calls } = scriptedFetch([failure(), failure(), failure(), failure(), failure()]);
    const { client } = clientWith(fetch);
    const result = await client.getCase('2600000000000001');
    expect(result).toEqual({
      ok: false,
      error: { kind: 'unavailable', attempts: 4, lastStatus: 503, retryAfterMs: undefined, message: 'vendor answered 503' },
    });
    expect(calls).toHaveLength(4);
  });

  it('hands a long Retry-After back instead of sleeping through it', async () => {
    const { fetch, calls } = scriptedFetch([json(503, { code: 'ServiceUnavailable', description: 'maintenance' }, { 'retry-after': '600' })]);
    const { client, sleeps } = clientWith(fetch);
    const result = await client.getCase('2600000000000001');
    expect(result.ok === false && result.error).toMatchObject({ kind: 'unavailable', attempts: 1, retryAfterMs: 600_000 });
    expect(sleeps).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it('does not retry what the vendor refused, and names the refusal', async () => {
    const { fetch, calls } = scriptedFetch([
      json(404, { code: 'NotFound', description: 'No service request 9.' }),
      json(400, { code: 'BadRequest', description: 'title too long' }),
      json(403, { code: 'Forbidden', description: 'no' }),
    ]);
    const { client } = clientWith(fetch);
    expect(await client.getCase('9')).toEqual({ ok: false, error: { kind: 'not-found', status: 404, message: 'No service request 9.' } });
    expect(await client.addNote('9', { text: 'any news?', createdByName: 'Baton' })).toEqual({
      ok: false,
      error: { kind: 'rejected', status: 400, code: 'BadRequest', message: 'title too long' },
    });
    expect((await client.getCase('9')).ok === false).toBe(true);
    expect(calls).toHaveLength(3);
  });

  it('reports a 2xx body that breaks the contract as an invalid response', async () => {
    const { fetch } = scriptedFetch([json(200, { ...caseBody, status: 'pending' })]);
    const { client } = clientWith(fetch);
    const result = await client.getCase('2600000000000001');
    expect(result.ok === false && result.error.kind).toBe('invalid-response');
  });

  it('checks its input before calling the vendor', async () => {
    const { fetch, calls } = scriptedFetch([]);
    const { client } = clientWith(fetch);
    const result = await client.createCase({ ...newCase, title: '' });
    expect(result.ok === false && result.error.kind).toBe('invalid-request');
    expect(calls).toHaveLength(0);
  });

  it('times out a hung attempt and retries it', async () => {
    const hang = (init: RequestInit | undefined): Promise<Response> =>
      new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const { fetch } = scriptedFetch([hang, json(200, caseBody)]);
    const { client } = clientWith(fetch, { timeoutMs: 20 });
    expect(await client.getCase('2600000000000001')).toMatchObject({ ok: true, attempts: 2 });
  });

  it('asks the token provider for a bearer token on every attempt', async () => {
    let issued = 0;
    const { fetch, calls } = scriptedFetch([json(503, { code: 'ServiceUnavailable', description: 'x' }), json(200, caseBody)]);
    const { client } = clientWith(fetch, {
      auth: {
        kind: 'bearer',
        getToken: async () => {
          issued += 1;
          return `token-${issued}`;
        },
      },
    });
    await client.getCase('2600000000000001');
    expect(calls.map((call) => headerOf(call, 'authorization'))).toEqual(['Bearer token-1', 'Bearer token-2']);
  });
});
