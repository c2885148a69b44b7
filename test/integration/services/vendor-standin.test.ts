import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  createVendorClient,
  verifyVendorCallback,
  VENDOR_SIGNATURE_HEADER,
  type NewServiceRequest,
  type VendorCallbackEvent,
  type VendorClient,
} from '../../../shared/vendor';
import type { StandInClock } from '../../../infra/local/services/standin-clock';
import { startVendorStandIn, type VendorStandIn } from '../../../infra/local/services/vendor-standin';

const SECRET = 'vendor-callback-secret';

const escalation: NewServiceRequest = {
  title: 'Exchange hybrid: mail from on-premises mailboxes queues',
  description: 'Outbound connector TLS failures since the certificate renewal.',
  severity: 'critical',
  supportTopicId: 'exchange-online',
  productName: 'Exchange Online',
  organization: { id: 'contoso.onmicrosoft.com', name: 'Contoso' },
  primaryContact: { firstName: 'Ana', lastName: 'Silva', email: 'ana@partner.example' },
};

/** A clock that moves only when the test says so, like the stack's virtual clock. */
function manualClock(start: number): StandInClock & { advance(ms: number): void } {
  let now = start;
  const timers: { at: number; onDue: () => void; cancelled: boolean }[] = [];
  return {
    now: () => now,
    schedule(at, onDue) {
      const timer = { at, onDue, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
    advance(ms) {
      now += ms;
      for (const timer of timers.filter((candidate) => !candidate.cancelled && candidate.at <= now)) {
        timer.cancelled = true;
        timer.onDue();
      }
    },
  };
}

interface Received {
  readonly rawBody: string;
  readonly signature: string | undefined;
}

/** Baton's side of the callback: records each delivery, failing the first `failFirst` with 503. */
async function startCallbackReceiver(failFirst = 0): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  let toFail = failFirst;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const signature = req.headers[VENDOR_SIGNATURE_HEADER];
      received.push({ rawBody: Buffer.concat(chunks).toString('utf8'), signature: typeof signature === 'string' ? signature : undefined });
      res.statusCode = toFail > 0 ? 503 : 204;
      toFail = Math.max(0, toFail - 1);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/vendor/callback`, received, server };
}

function verified(delivery: Received | undefined, now: Date): VendorCallbackEvent {
  const result = verifyVendorCallback({ rawBody: delivery?.rawBody ?? '', signatureHeader: delivery?.signature, secret: SECRET, now });
  if (!result.ok) throw new Error(`callback rejected: ${result.reason}`);
  return result.event;
}

async function postScript(standIn: VendorStandIn, action: string, body: unknown): Promise<number> {
  const response = await fetch(`${standIn.baseUrl}/_script/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}

describe('vendor stand-in and vendor client', () => {
  let dataDir: string;
  let standIn: VendorStandIn;
  let client: VendorClient;
  let receiver: Awaited<ReturnType<typeof startCallbackReceiver>>;
  const clock = manualClock(Date.parse('2026-11-23T09:00:00Z'));

  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'baton-vendor-'));
    receiver = await startCallbackReceiver();
    standIn = await startVendorStandIn({
      port: 0,
      dataFile: path.join(dataDir, 'cases.json'),
      callbackUrl: receiver.url,
      callbackSecret: SECRET,
      clock,
    });
    client = createVendorClient({
      baseUrl: standIn.baseUrl,
      auth: { kind: 'api-key', apiKey: standIn.apiKey },
      retry: { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20 },
    });
  });

  afterEach(async () => {
    await standIn.stop();
    await new Promise((resolve) => receiver.server.close(resolve));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens a case, reads it back and adds a note', async () => {
    const created = await client.createCase(escalation);
    if (!created.ok) throw new Error(created.error.message);
    expect(created.value).toMatchObject({ title: escalation.title, status: 'open', scope: null, notes: [] });

    const noted = await client.addNote(created.value.id, { text: 'Customer sent message trace.', createdByName: 'Baton' });
    expect(noted.ok && noted.value.notes.map((note) => note.text)).toEqual(['Customer sent message trace.']);

    const read = await client.getCase(created.value.id);
    expect(read.ok && read.value).toMatchObject({ id: created.value.id, notes: [{ createdByName: 'Baton' }] });
  });

  it('refuses a caller without the API key', async () => {
    const stranger = createVendorClient({ baseUrl: standIn.baseUrl, auth: { kind: 'api-key', apiKey: 'wrong' } });
    const result = await stranger.createCase(escalation);
    expect(result.ok === false && result.error.kind).toBe('unauthorized');
    expect(standIn.cases()).toHaveLength(0);
  });

  it('retries through injected 503s and opens exactly one case', async () => {
    standIn.script.failNext(2, 503);
    const result = await client.createCase(escalation);
    expect(result).toMatchObject({ ok: true, attempts: 3 });
    expect(standIn.cases()).toHaveLength(1);
  });

  it('gives up after the maximum attempts with a typed error', async () => {
    standIn.script.failNext(10, 503);
    const result = await client.getCase('2600000000000001');
    expect(result).toMatchObject({ ok: false, error: { kind: 'unavailable', attempts: 4, lastStatus: 503 } });
  });

  it('applies a repeated request id once, so a retried create cannot open a second case', async () => {
    const first = await client.createCase(escalation, { requestId: 'T-42/escalation/1' });
    const again = await client.createCase(escalation, { requestId: 'T-42/escalation/1' });
    expect(first.ok && again.ok && again.value.id === first.value.id).toBe(true);
    expect(standIn.cases()).toHaveLength(1);
  });

  it('answers on its clock and calls Baton back with a signed event', async () => {
    standIn.script.answerAfter({ tenantDomain: 'contoso.onmicrosoft.com' }, 60 * 60 * 1000, 'Looking at the connector logs.');
    const created = await client.createCase(escalation);
    if (!created.ok) throw new Error(created.error.message);

    clock.advance(59 * 60 * 1000);
    await standIn.settled();
    expect(receiver.received).toHaveLength(0);

    clock.advance(60 * 1000);
    await standIn.settled();
    const events = receiver.received.map((delivery) => verified(delivery, new Date(clock.now())));
    expect(events.map((event) => [event.change, event.sequence])).toEqual([
      ['note-added', 1],
      ['status-changed', 2],
    ]);
    expect(events[1]?.serviceRequest).toMatchObject({
      id: created.value.id,
      status: 'in-progress',
      notes: [{ text: 'Looking at the connector logs.' }],
    });
  });

  it('declares scope and resolves over HTTP script actions, calling back each time', async () => {
    const created = await client.createCase(escalation);
    if (!created.ok) throw new Error(created.error.message);
    expect(await postScript(standIn, 'declare-scope', { caseId: created.value.id, scope: 'on-premises' })).toBe(200);
    expect(await postScript(standIn, 'resolve', { caseId: created.value.id, note: 'Renew the connector certificate.' })).toBe(200);
    expect(await postScript(standIn, 'resolve', { caseId: 'nope', note: 'x' })).toBe(404);
    await standIn.settled();

    const last = verified(receiver.received.at(-1), new Date(clock.now()));
    expect(last.serviceRequest).toMatchObject({ scope: 'on-premises', status: 'resolved' });
    const read = await client.getCase(created.value.id);
    expect(read.ok && read.value.notes.map((note) => note.text)).toEqual(['Renew the connector certificate.']);
  });

  it('injects failures over HTTP, with the Retry-After the client honours', async () => {
    expect(await postScript(standIn, 'fail-next', { count: 1, status: 429, retryAfterSeconds: 0 })).toBe(200);
    expect(await client.createCase(escalation)).toMatchObject({ ok: true, attempts: 2 });
  });

  it('retries a callback Baton could not take', async () => {
    await new Promise((resolve) => receiver.server.close(resolve));
    receiver = await startCallbackReceiver(1);
    standIn.configureCallback({ url: receiver.url, secret: SECRET });
    const created = await client.createCase(escalation);
    if (!created.ok) throw new Error(created.error.message);
    standIn.script.declareScope(created.value.id, 'cloud');
    await standIn.settled();
    expect(standIn.callbackDeliveries().map((delivery) => delivery.status)).toEqual([503]);

    clock.advance(500);
    await standIn.settled();
    expect(standIn.callbackDeliveries().map((delivery) => [delivery.attempt, delivery.status])).toEqual([
      [1, 503],
      [2, 204],
    ]);
    expect(verified(receiver.received[1], new Date(clock.now())).serviceRequest.scope).toBe('cloud');
  });

  it('keeps its cases across a restart on the same data file', async () => {
    const created = await client.createCase(escalation, { requestId: 'T-7/escalation/1' });
    if (!created.ok) throw new Error(created.error.message);
    await standIn.stop();
    standIn = await startVendorStandIn({ port: 0, dataFile: path.join(dataDir, 'cases.json'), clock });
    client = createVendorClient({ baseUrl: standIn.baseUrl, auth: { kind: 'api-key', apiKey: standIn.apiKey } });

    const read = await client.getCase(created.value.id);
    expect(read.ok && read.value.title).toBe(escalation.title);
    const replay = await client.createCase(escalation, { requestId: 'T-7/escalation/1' });
    expect(replay.ok && replay.value.id).toBe(created.value.id);
    const next = await client.createCase(escalation);
    expect(next.ok && next.value.id).not.toBe(created.value.id);
  });
});
