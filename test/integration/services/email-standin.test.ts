import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { EmailClient, type EmailMessage } from '@azure/communication-email';
import { startEmailStandIn, type EmailStandIn } from '../../../infra/local/services/email-standin';
import { StoredEmailSchema } from '../../../infra/local/services/email-schemas';

// The SDK insists on UUID operation ids (the app derives them from the ticket and the notice).
const RECEIVED_OPERATION = '0b6f3f52-0c3d-4d59-9a59-1f0d3a1c0001';
const RETRIED_OPERATION = '0b6f3f52-0c3d-4d59-9a59-1f0d3a1c0002';
const RESENT_OPERATION = '0b6f3f52-0c3d-4d59-9a59-1f0d3a1c0003';
const QUICK_RETRIES = { maxRetries: 3, retryDelayInMs: 5, maxRetryDelayInMs: 10 };

function ticketMail(to: string, subject = 'Your ticket T-1 was received'): EmailMessage {
  return {
    senderAddress: 'donotreply@baton.local',
    content: { subject, plainText: 'We are on it.', html: '<p>We are <b>on it</b>.</p>' },
    recipients: { to: [{ address: to, displayName: 'Customer' }] },
  };
}

function statusCodeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { statusCode?: unknown }).statusCode : undefined;
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the operation to fail');
}

/** Decodes the entities `escapeHtml` writes, as an HTML parser does for an attribute value. */
function decodeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('ACS Email stand-in', () => {
  let dataDir: string;
  let standIn: EmailStandIn;
  let client: EmailClient;

  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'baton-email-'));
    standIn = await startEmailStandIn({ port: 0, dataDir });
    client = new EmailClient(standIn.connectionString, { allowInsecureConnection: true, retryOptions: { maxRetries: 0 } });
  });

  afterEach(async () => {
    await standIn.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('accepts a signed send from the real EmailClient and reports Succeeded', async () => {
    const before = Date.now();
    const poller = await client.beginSend(ticketMail('ana@contoso.com'), { operationId: RECEIVED_OPERATION });
    const result = await poller.pollUntilDone();

    expect(result).toMatchObject({ id: RECEIVED_OPERATION, status: 'Succeeded' });
    const [stored, ...others] = standIn.messages();
    expect(others).toHaveLength(0);
    expect(stored).toMatchObject({
      operationId: RECEIVED_OPERATION,
      senderAddress: 'donotreply@baton.local',
      subject: 'Your ticket T-1 was received',
      plainText: 'We are on it.',
      to: [{ address: 'ana@contoso.com', displayName: 'Customer' }],
    });
    expect(Date.parse(stored?.storedAt ?? '')).toBeGreaterThanOrEqual(before);
  });

  it('refuses a request signed with another key (401)', async () => {
    const impostor = new EmailClient(
      standIn.connectionString.replace(/accesskey=.*$/, `accesskey=${Buffer.from('not the key').toString('base64')}`),
      { allowInsecureConnection: true, retryOptions: { maxRetries: 0 } },
    );
    const error = await rejectionOf(impostor.beginSend(ticketMail('ana@contoso.com')));
    expect(statusCodeOf(error)).toBe(401);
    expect(String(error)).toContain('signature does not match');
    expect(standIn.messages()).toHaveLength(0);
  });

  it('refuses a body that does not match its signed content hash (401)', async () => {
    const signed = new EmailClient(standIn.connectionString, {
      allowInsecureConnection: true,
      retryOptions: { maxRetries: 0 },
      // Tamper with the body after the signing policy has run, as a man in the middle would.
      additionalPolicies: [
        {
          position: 'perRetry',
          policy: {
            name: 'tamper',
            sendRequest: (request, next) => {
              request.body = typeof request.body === 'string' ? request.body.replace('ana@', 'eve@') : request.body;
              return next(request);
            },
          },
        },
      ],
    });
    const error = await rejectionOf(signed.beginSend(ticketMail('ana@contoso.com')));
    expect(statusCodeOf(error)).toBe(401);
    expect(String(error)).toContain('content hash does not match');
    expect(standIn.messages()).toHaveLength(0);
  });

  it('fails the next sends on demand, then recovers', async () => {
    standIn.failNext(2, 503);
    expect(statusCodeOf(await rejectionOf(client.beginSend(ticketMail('ana@contoso.com'))))).toBe(503);
    expect(statusCodeOf(await rejectionOf(client.beginSend(ticketMail('ana@contoso.com'))))).toBe(503);

    const poller = await client.beginSend(ticketMail('ana@contoso.com'));
    expect((await poller.pollUntilDone()).status).toBe('Succeeded');
    expect(standIn.messages()).toHaveLength(1);
  });

  it('lets the SDK retry through injected 500s and still stores the message once', async () => {
    const retrying = new EmailClient(standIn.connectionString, { allowInsecureConnection: true, retryOptions: QUICK_RETRIES });
    standIn.failNext(2, 500);
    const poller = await retrying.beginSend(ticketMail('ana@contoso.com'), { operationId: RETRIED_OPERATION });
    expect((await poller.pollUntilDone()).status).toBe('Succeeded');
    expect(standIn.messages().map((message) => message.operationId)).toEqual([RETRIED_OPERATION]);
  });

  it('fails every send while failing is switched on over HTTP, until switched off', async () => {
    const turn = async (failing: boolean): Promise<void> => {
      const response = await fetch(`${standIn.endpoint}_control/failing`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ failing }),
      });
      expect(response.status).toBe(200);
    };
    await turn(true);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(statusCodeOf(await rejectionOf(client.beginSend(ticketMail('ana@contoso.com'))))).toBe(503);
    }
    await turn(false);
    await (await client.beginSend(ticketMail('ana@contoso.com'))).pollUntilDone();
    expect(standIn.messages()).toHaveLength(1);
  });

  it('injects failures over HTTP with fail-next', async () => {
    const response = await fetch(`${standIn.endpoint}_control/fail-next`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ count: 1, status: 429 }),
    });
    expect(response.status).toBe(200);
    expect(statusCodeOf(await rejectionOf(client.beginSend(ticketMail('ana@contoso.com'))))).toBe(429);
    await (await client.beginSend(ticketMail('ana@contoso.com'))).pollUntilDone();
    expect(standIn.messages()).toHaveLength(1);
  });

  it('stores a resend with a known operation id only once, even after a restart', async () => {
    await (await client.beginSend(ticketMail('ana@contoso.com'), { operationId: RESENT_OPERATION })).pollUntilDone();
    const again = await (await client.beginSend(ticketMail('ana@contoso.com'), { operationId: RESENT_OPERATION })).pollUntilDone();
    expect(again).toMatchObject({ id: RESENT_OPERATION, status: 'Succeeded' });
    expect(standIn.messages()).toHaveLength(1);

    await standIn.stop();
    standIn = await startEmailStandIn({ port: 0, dataDir });
    client = new EmailClient(standIn.connectionString, { allowInsecureConnection: true, retryOptions: { maxRetries: 0 } });
    expect(standIn.messages().map((message) => message.operationId)).toEqual([RESENT_OPERATION]);
    await (await client.beginSend(ticketMail('ana@contoso.com'), { operationId: RESENT_OPERATION })).pollUntilDone();
    expect(standIn.messages()).toHaveLength(1);
  });

  it('serves messages as JSON filtered by recipient, and empties the mailbox on DELETE', async () => {
    await (await client.beginSend(ticketMail('ana@contoso.com', 'first'))).pollUntilDone();
    await (await client.beginSend(ticketMail('bo@fabrikam.com', 'second'))).pollUntilDone();

    const forAna: unknown = await (await fetch(`${standIn.endpoint}messages?to=ANA@contoso.com`)).json();
    const parsed = StoredEmailSchema.array().parse(forAna);
    expect(parsed.map((message) => message.subject)).toEqual(['first']);

    const deleted = await fetch(`${standIn.endpoint}messages`, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(standIn.messages()).toHaveLength(0);
    const remaining: unknown = await (await fetch(`${standIn.endpoint}messages`)).json();
    expect(remaining).toEqual([]);
  });

  it('lists messages newest first on the mailbox page without letting message HTML run scripts', async () => {
    const hostile = `<p id="x" onclick="steal()">Hi</p><script>fetch('/messages',{method:'DELETE'})</script>"><img src=x onerror=alert(1)>`;
    await (await client.beginSend(ticketMail('ana@contoso.com', 'older'))).pollUntilDone();
    await (
      await client.beginSend({
        senderAddress: 'donotreply@baton.local',
        content: { subject: '<script>alert("subject")</script>', plainText: 'text <script>alert(2)</script>', html: hostile },
        recipients: { to: [{ address: 'ana@contoso.com' }] },
      })
    ).pollUntilDone();

    const response = await fetch(standIn.endpoint);
    const page = await response.text();

    expect(response.headers.get('content-security-policy')).toContain("script-src 'none'");
    expect(page.indexOf('&lt;script&gt;alert(&quot;subject&quot;)')).toBeLessThan(page.indexOf('<h2>older</h2>'));
    // No markup from any message reaches the page itself: every "<script" and handler is escaped.
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<img/i);
    const iframes = [...page.matchAll(/<iframe([^>]*)>/g)].map((match) => match[1] ?? '');
    expect(iframes).toHaveLength(2);
    for (const attributes of iframes) {
      expect(attributes).toMatch(/ sandbox=""/);
      expect(attributes).not.toMatch(/allow-scripts/);
    }
    // The sandboxed document is still the message's exact HTML.
    const srcdoc = /srcdoc="([^"]*)"/.exec(iframes[0] ?? '')?.[1] ?? '';
    expect(decodeAttribute(srcdoc)).toBe(hostile);
    expect(page).toContain('<pre class="text">text &lt;script&gt;alert(2)&lt;/script&gt;</pre>');
  });
});
