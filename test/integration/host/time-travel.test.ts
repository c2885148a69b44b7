/**
 * Time travel on the whole offline stack, as `npm start -- --virtual-clock` runs it and
 * `npm run clock` moves it: after the clock has moved, a token the dev issuer mints is valid, a
 * callback the vendor stand-in signs is accepted, and the email stand-in stamps what it stores
 * with the stack's time — because every part reads the one clock.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { EmailClient } from '@azure/communication-email';
import { startClockControl, type ClockControl } from '../../../infra/local/clock/clock-control';
import { StaffTicketViewSchema } from '../../../shared/http-api/staff-ticket-view';
import { runClockCommand } from '../../../scripts/clock';
import { runTokenCommand } from '../../../scripts/token';
import { MARIA, engineerActor } from '../../unit/http-api/support/ticket-story';
import { bearer, callApi } from '../http-api/support/api-call';
import { startApiStack, STACK_START, type ApiStack } from '../http-api/support/api-stack';
import { REPOSITORY_ROOT } from '../http-api/support/compiled-app';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let api: ApiStack;
let control: ClockControl;

beforeAll(async () => {
  api = await startApiStack();
  control = await startClockControl(api.stack, { port: 0 });
}, 180_000);

afterAll(async () => {
  await control?.stop();
  await api?.stop();
});

async function clock(...words: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runClockCommand([...words, '--stack-url', control.url], { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

/** `npm run token`, against the stack's dev issuer. */
async function mintedToken(): Promise<string> {
  let out = '';
  const issuer = api.stack.urls.identity ?? '';
  const code = await runTokenCommand(['--role', 'engineer', '--name', MARIA.name, '--email', MARIA.email, '--issuer-url', issuer], {
    out: (text) => (out += text),
    err: () => undefined,
  });
  expect(code).toBe(0);
  return out.trim();
}

describe('time travel on the offline stack', () => {
  it('moves every part of the stack by a duration and prints what fired', async () => {
    const moved = await clock('advance', '1h');

    expect(moved).toMatchObject({ code: 0, err: '' });
    expect(api.stack.now().toISOString()).toBe(new Date(Date.parse(STACK_START) + HOUR).toISOString());
    expect(moved.out).toContain('Clock moved 1h: 2026-11-24 14:00:00 UTC (Tuesday) → 2026-11-24 15:00:00 UTC (Tuesday).');
    // Baton's watchdog runs every minute: sixty times in the hour, the last on the hour.
    expect(moved.out).toMatch(/\n {2}lifecycleWatchdog +timer +×60 +14:01:00 … 15:00:00\n/);
  }, 120_000);

  it('accepts a staff token the dev issuer minted after the move', async () => {
    const { ticket } = await api.seedTicket();
    const token = await mintedToken();
    const [, payload = ''] = token.split('.');
    const issuedAt = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { iat: number }).iat;
    expect(issuedAt * 1000).toBe(api.stack.now().getTime());

    const answer = await callApi(api.baseUrl, { method: 'GET', path: `/api/staff/tickets/${ticket.ticketNumber}`, headers: bearer(token) });

    expect(answer.status).toBe(200);
    expect(StaffTicketViewSchema.parse(answer.body).ticketNumber).toBe(ticket.ticketNumber);
  });

  it('accepts the vendor stand-in’s signed callbacks sent after the move', async () => {
    const vendor = api.stack.services.vendor;
    if (vendor === undefined) throw new Error('the stack runs without its vendor stand-in');
    const { ticket } = await api.seedTicket({
      then: () => [{ type: 'escalate-to-vendor', actor: engineerActor(MARIA), justification: 'Token issuance fails in the vendor backend.' }],
    });
    vendor.script.answerAfter({ titleIncludes: ticket.ticketNumber }, 10 * MINUTE, 'We re-keyed the tenant; please retry.');

    const opened = await clock('advance', '2m');
    const answered = await clock('to', new Date(api.stack.now().getTime() + 13 * MINUTE).toISOString());

    expect(opened.code).toBe(0);
    expect(answered.code).toBe(0);
    // Callbacks of the same second may be listed in either order: look for the note among them.
    expect(answered.out).toMatch(/Vendor callbacks sent \(\d+\):\n(?: {2}.*\n)* {2}\d\d:\d\d:\d\d {2}case \S+ note-added → HTTP 200\n/);
    expect(answered.out).not.toContain('HTTP 401');
    const callbacks = vendor.callbackDeliveries().filter((delivery) => delivery.at > new Date(Date.parse(STACK_START) + HOUR).toISOString());
    expect(callbacks.length).toBeGreaterThan(0);
    expect(callbacks.map((delivery) => delivery.status)).toEqual(callbacks.map(() => 200));
    const view = await callApi(api.baseUrl, {
      method: 'GET',
      path: `/api/staff/tickets/${ticket.ticketNumber}`,
      headers: bearer(await mintedToken()),
    });
    const timeline = StaffTicketViewSchema.parse(view.body).timeline;
    expect(timeline.filter((entry) => entry.type === 'vendor-updated').map((entry) => entry.actor.role)).toContain('vendor');
  }, 120_000);

  it('stamps the emails it stores with the stack’s time', async () => {
    const email = api.stack.services.email;
    if (email === undefined) throw new Error('the stack runs without its email stand-in');
    const client = new EmailClient(email.connectionString, { allowInsecureConnection: true, retryOptions: { maxRetries: 0 } });
    const operationId = '6f1c2b9e-4d3a-4b8f-9e2d-1a7c5e3b9f04';
    const poller = await client.beginSend(
      {
        senderAddress: 'DoNotReply@baton.local',
        content: { subject: 'Stamped on the stack clock', plainText: 'Hello.' },
        recipients: { to: [{ address: 'ana@contoso.com' }] },
      },
      { operationId },
    );
    await poller.pollUntilDone();

    const stored = email.messages().find((message) => message.operationId === operationId);
    expect(stored?.storedAt).toBe(api.stack.now().toISOString());
    for (const message of email.messages()) expect(Date.parse(message.storedAt)).toBeGreaterThanOrEqual(Date.parse(STACK_START));
  });

  it('refuses, as the compiled command, to move the clock backwards, without a stack trace', async () => {
    const script = path.join(REPOSITORY_ROOT, 'dist', 'scripts', 'clock.js');
    const outcome = await promisify(execFile)(process.execPath, [script, 'to', STACK_START, '--stack-url', control.url]).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );

    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('is before the stack');
    expect(outcome.stderr).not.toMatch(/\n\s+at /);
  });
});
