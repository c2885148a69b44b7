import { Item, type Container } from '@azure/cosmos';
import { EmailClient } from '@azure/communication-email';
import { startEmailStandIn, type EmailStandIn } from '../../../infra/local/services/email-standin';
import type { Clock } from '../../../shared/clock';
import { deliverDueMessages, type DeliveryOptions, type DeliveryReport } from '../../../shared/email/deliver-due-messages';
import { claimForDelivery } from '../../../shared/email/delivery-transitions';
import { enqueue } from '../../../shared/email/enqueue';
import { deliverPromptly } from '../../../shared/email/prompt-delivery';
import { messageIdFor } from '../../../shared/email/message-id';
import { OutboxMessageSchema, type OutboxDraft, type OutboxMessage } from '../../../shared/email/outbox-message';
import type { EmailSender } from '../../../shared/email/send-email';
import { readDocument } from '../../../shared/store/point-read';
import { updateWithEtag } from '../../../shared/store/update-with-etag';
import { startCosmosFixture, type CosmosFixture } from '../store/support/cosmos-fixture';

const SENDER = 'DoNotReply@baton.test';
const START = new Date('2026-11-23T09:00:00.000Z');
const MINUTE = 60_000;

/** A clock the test moves by hand, so retries come due without waiting. */
class ManualClock implements Clock {
  private current: number;
  constructor(start: Date) {
    this.current = start.getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

/** Counts sends that reach the client, so a test can tell "the outbox sent once" from "the service deduplicated". */
function countingSender(client: EmailSender): EmailSender & { readonly calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    beginSend: (message, options) => {
      calls.push(options?.operationId ?? '(none)');
      return client.beginSend(message, options);
    },
  };
}

function draft(ticketNumber: string, occasion = 'received'): OutboxDraft {
  return {
    id: messageIdFor(ticketNumber, occasion, 'ana@contoso.com'),
    ticketNumber,
    template: occasion,
    to: [{ email: 'ana@contoso.com', name: 'Ana Silva' }],
    subject: `We received your ticket ${ticketNumber}`,
    html: `<p>Ticket <b>${ticketNumber}</b> is in.</p>`,
    text: `Ticket ${ticketNumber} is in.`,
  };
}

describe('the email outbox', () => {
  let cosmos: CosmosFixture;
  let mail: EmailStandIn;
  let client: EmailClient;
  let outbox: Container;
  let clock: ManualClock;

  beforeAll(async () => {
    cosmos = await startCosmosFixture();
    mail = await startEmailStandIn({ port: 0 });
    // The SDK's own retries are off: each beginSend is one attempt the outbox accounts for.
    client = new EmailClient(mail.connectionString, { allowInsecureConnection: true, retryOptions: { maxRetries: 0 } });
  });

  afterAll(async () => {
    await mail.stop();
    await cosmos.stop();
  });

  beforeEach(async () => {
    outbox = await cosmos.container('/id');
    await mail.clear();
    mail.failNext(0);
    mail.setFailing(false);
    clock = new ManualClock(START);
  });

  function deliveryWith(sender: EmailSender, overrides: Partial<DeliveryOptions> = {}): DeliveryOptions {
    return {
      container: outbox,
      emailClient: sender,
      senderAddress: SENDER,
      clock,
      backoff: (attempts) => attempts * MINUTE,
      pollIntervalMs: 10,
      ...overrides,
    };
  }

  async function stored(id: string): Promise<OutboxMessage> {
    const read = await readDocument(outbox, id, id, OutboxMessageSchema);
    if (read.kind !== 'found') throw new Error(`expected outbox message ${id}, got ${read.kind}`);
    return read.document;
  }

  async function enqueueAll(drafts: readonly OutboxDraft[]): Promise<void> {
    for (const message of drafts) expect((await enqueue(outbox, message, clock)).kind).toBe('enqueued');
  }

  it('enqueues a message once, however often it is asked to', async () => {
    const message = draft('BTN-1');
    expect(await enqueue(outbox, message, clock)).toMatchObject({ kind: 'enqueued', message: { status: 'pending', attempts: 0 } });
    clock.advance(MINUTE);
    expect(await enqueue(outbox, { ...message, subject: 'changed' }, clock)).toEqual({ kind: 'already-enqueued' });
    expect(await stored(message.id)).toMatchObject({ subject: message.subject, createdAt: START.toISOString() });
  });

  it('refuses a draft whose id could not serve as an ACS operation id', async () => {
    expect(await enqueue(outbox, { ...draft('BTN-1'), id: 'BTN-1-received' }, clock)).toMatchObject({ kind: 'invalid' });
  });

  it('delivers a pending message once through the real EmailClient and records it', async () => {
    const message = draft('BTN-1');
    await enqueueAll([message]);
    const sender = countingSender(client);

    expect(await deliverDueMessages(deliveryWith(sender))).toMatchObject({ sent: [message.id], retrying: [], failed: [] });
    expect(await deliverDueMessages(deliveryWith(sender))).toMatchObject({ sent: [], retrying: [], failed: [] });

    expect(sender.calls).toEqual([message.id]);
    const delivered = mail.messages();
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({
      operationId: message.id,
      senderAddress: SENDER,
      subject: message.subject,
      html: message.html,
      plainText: message.text,
      to: [{ address: 'ana@contoso.com', displayName: 'Ana Silva' }],
    });
    expect(await stored(message.id)).toMatchObject({ status: 'sent', attempts: 1, sentAt: START.toISOString() });
  });

  it('retries with backoff while the service fails, then delivers exactly once', async () => {
    const message = draft('BTN-2');
    await enqueueAll([message]);
    const sender = countingSender(client);
    mail.failNext(3, 503);

    for (const [attempt, wait] of [
      [1, 1],
      [2, 2],
      [3, 3],
    ] as const) {
      const report = await deliverDueMessages(deliveryWith(sender));
      expect(report.retrying).toEqual([
        { id: message.id, ticketNumber: 'BTN-2', nextAttemptAt: new Date(clock.now().getTime() + wait * MINUTE).toISOString(), error: expect.stringContaining('503') },
      ]);
      expect(await stored(message.id)).toMatchObject({ status: 'pending', attempts: attempt });
      // Not due yet: a run now leaves it alone.
      clock.advance(wait * MINUTE - 1);
      expect(await deliverDueMessages(deliveryWith(sender))).toMatchObject({ sent: [], retrying: [] });
      clock.advance(1);
    }
    expect(await deliverDueMessages(deliveryWith(sender))).toMatchObject({ sent: [message.id] });

    expect(sender.calls).toHaveLength(4);
    expect(mail.messages()).toHaveLength(1);
    const record = await stored(message.id);
    expect(record).toMatchObject({ status: 'sent', attempts: 4 });
    expect(record.lastError).toBeUndefined();
  });

  it('loses nothing while the service is down, and sends everything once when it is back', async () => {
    const drafts = ['BTN-10', 'BTN-11', 'BTN-12', 'BTN-13', 'BTN-14'].map((ticket) => draft(ticket));
    await enqueueAll(drafts);
    mail.setFailing(true);
    for (let run = 0; run < 4; run += 1) {
      const report = await deliverDueMessages(deliveryWith(client));
      expect(report.sent).toEqual([]);
      clock.advance(10 * MINUTE);
    }
    for (const message of drafts) expect(await stored(message.id)).toMatchObject({ status: 'pending', attempts: 4 });

    mail.setFailing(false);
    const report = await deliverDueMessages(deliveryWith(client));
    expect([...report.sent].sort()).toEqual(drafts.map((message) => message.id).sort());
    expect(mail.messages().map((message) => message.subject).sort()).toEqual(drafts.map((message) => message.subject).sort());
  });

  it('sends each message once when two deliverers run at the same time', async () => {
    const drafts = Array.from({ length: 10 }, (_, index) => draft(`BTN-2${index}`));
    await enqueueAll(drafts);
    const first = countingSender(client);
    const second = countingSender(client);

    const [a, b] = await Promise.all([deliverDueMessages(deliveryWith(first)), deliverDueMessages(deliveryWith(second))]);

    const sent = [...a.sent, ...b.sent];
    expect([...sent].sort()).toEqual(drafts.map((message) => message.id).sort());
    // The outbox alone kept them apart: no message reached the email client twice.
    expect([...first.calls, ...second.calls].sort()).toEqual([...sent].sort());
    expect(mail.messages()).toHaveLength(10);
  });

  it('keeps a message as failed, with the reason, once its attempts are used up', async () => {
    const message = draft('BTN-3');
    await enqueueAll([message]);
    mail.setFailing(true);

    expect((await deliverDueMessages(deliveryWith(client, { maxAttempts: 2 }))).retrying).toHaveLength(1);
    clock.advance(MINUTE);
    const report = await deliverDueMessages(deliveryWith(client, { maxAttempts: 2 }));
    // The ticket number rides along, so the operator's log line says whose message it was.
    expect(report.failed).toEqual([{ id: message.id, ticketNumber: 'BTN-3', error: expect.stringContaining('503') }]);

    expect(await stored(message.id)).toMatchObject({ status: 'failed', attempts: 2, lastError: expect.stringContaining('503') });
    clock.advance(60 * MINUTE);
    mail.setFailing(false);
    expect(await deliverDueMessages(deliveryWith(client, { maxAttempts: 2 }))).toMatchObject({ sent: [], failed: [] });
    expect(mail.messages()).toHaveLength(0);
  });

  it('stops and reports when the outbox store is down, then delivers when it is back', async () => {
    const message = draft('BTN-4');
    await enqueueAll([message]);
    cosmos.standIn.setUnavailable(true);
    let report: DeliveryReport | undefined;
    try {
      report = await deliverDueMessages(deliveryWith(client));
    } finally {
      cosmos.standIn.setUnavailable(false);
    }
    expect(report).toMatchObject({ sent: [], storeFailure: { kind: 'unavailable' } });
    expect(mail.messages()).toHaveLength(0);

    expect(await deliverDueMessages(deliveryWith(client))).toMatchObject({ sent: [message.id] });
    expect(mail.messages()).toHaveLength(1);
  });

  it('resumes a message whose deliverer died holding it, once the lease runs out', async () => {
    const message = draft('BTN-5');
    await enqueueAll([message]);
    const claimed = await updateWithEtag(outbox, message.id, message.id, (current) => claimForDelivery(current, clock.now(), { leaseMs: 5 * MINUTE, maxAttempts: 5 }), {
      schema: OutboxMessageSchema,
    });
    expect(claimed.kind).toBe('updated');

    expect(await deliverDueMessages(deliveryWith(client))).toMatchObject({ sent: [] });
    clock.advance(5 * MINUTE);
    expect(await deliverDueMessages(deliveryWith(client))).toMatchObject({ sent: [message.id] });
    expect(await stored(message.id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('does not deliver twice when a send succeeded but its answer was lost', async () => {
    const message = draft('BTN-6');
    await enqueueAll([message]);
    let calls = 0;
    const answerLostOnce: EmailSender = {
      beginSend: async (email, options) => {
        calls += 1;
        const poller = await client.beginSend(email, options);
        if (calls === 1) {
          await poller.pollUntilDone();
          throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
        }
        return poller;
      },
    };

    expect((await deliverDueMessages(deliveryWith(answerLostOnce))).retrying).toHaveLength(1);
    clock.advance(MINUTE);
    expect(await deliverDueMessages(deliveryWith(answerLostOnce))).toMatchObject({ sent: [message.id] });

    expect(calls).toBe(2);
    // Same operation id both times: the service recognised the resend.
    expect(mail.messages()).toHaveLength(1);
  });

  it('reports outbox rows it cannot read and leaves them alone', async () => {
    await outbox.items.create({ id: 'broken', status: 'pending', nextAttemptAt: START.toISOString() });
    await enqueueAll([draft('BTN-7')]);
    const report = await deliverDueMessages(deliveryWith(client));
    expect(report.unreadable).toEqual(['broken']);
    expect(report.sent).toHaveLength(1);
  });

  it('takes the oldest due messages first, a batch at a time', async () => {
    const drafts = ['BTN-30', 'BTN-31', 'BTN-32'].map((ticket) => draft(ticket));
    for (const message of drafts) {
      await enqueueAll([message]);
      clock.advance(1_000);
    }
    const first = await deliverDueMessages(deliveryWith(client, { batchSize: 2 }));
    expect(first.sent).toEqual([drafts[0]?.id, drafts[1]?.id]);
    const second = await deliverDueMessages(deliveryWith(client, { batchSize: 2 }));
    expect(second.sent).toEqual([drafts[2]?.id]);
  });

  describe('what a delivery costs the store', () => {
    /** Point reads and replaces of outbox documents made while `work` runs. */
    async function documentRequests(work: () => Promise<unknown>): Promise<{ readonly reads: number; readonly replaces: number }> {
      const reads = jest.spyOn(Item.prototype, 'read');
      const replaces = jest.spyOn(Item.prototype, 'replace');
      try {
        await work();
        return { reads: reads.mock.calls.length, replaces: replaces.mock.calls.length };
      } finally {
        reads.mockRestore();
        replaces.mockRestore();
      }
    }

    it('claims a due message under the ETag its query returned and records the send under the claim\'s: two writes, no read', async () => {
      const message = draft('BTN-40');
      await enqueueAll([message]);
      const requests = await documentRequests(() => deliverDueMessages(deliveryWith(client)));
      expect(requests).toEqual({ reads: 0, replaces: 2 });
      expect(await stored(message.id)).toMatchObject({ status: 'sent', attempts: 1 });
    });

    it('sends a message queued claimed for a prompt send and records it with one write, no read', async () => {
      const message = draft('BTN-41');
      const queued = await enqueue(outbox, message, clock, { claimedForMs: 5 * MINUTE });
      if (queued.kind !== 'enqueued') throw new Error(`expected the message queued, got ${queued.kind}`);
      expect(queued.message).toMatchObject({ attempts: 1, nextAttemptAt: new Date(START.getTime() + 5 * MINUTE).toISOString() });

      const prompt = { ...deliveryWith(client), pollIntervalMs: 10, leaseMs: 5 * MINUTE };
      let outcomes: unknown;
      const requests = await documentRequests(async () => {
        outcomes = await deliverPromptly({ claimed: [{ document: queued.message, etag: queued.etag }], unclaimed: [] }, prompt, 10_000);
      });
      expect(outcomes).toEqual(['sent']);
      expect(requests).toEqual({ reads: 0, replaces: 1 });
      expect(mail.messages()).toHaveLength(1);
      expect(await stored(message.id)).toMatchObject({ status: 'sent', attempts: 1 });
    });

    it('keeps the timer off a message claimed in its create until the claim\'s lease runs out', async () => {
      const message = draft('BTN-42');
      expect((await enqueue(outbox, message, clock, { claimedForMs: 5 * MINUTE })).kind).toBe('enqueued');
      expect(await deliverDueMessages(deliveryWith(client))).toMatchObject({ sent: [] });
      clock.advance(5 * MINUTE);
      // The prompt send never happened (its process died): the timer sends it, counting a second attempt.
      expect(await deliverDueMessages(deliveryWith(client))).toMatchObject({ sent: [message.id] });
      expect(await stored(message.id)).toMatchObject({ status: 'sent', attempts: 2 });
    });
  });
});

