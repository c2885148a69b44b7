import { claimForDelivery, markSent, recordFailure } from '../../../shared/email/delivery-transitions';
import { OutboxMessageSchema, type OutboxMessage } from '../../../shared/email/outbox-message';

const NOW = new Date('2026-11-23T09:00:00.000Z');

const pending: OutboxMessage = OutboxMessageSchema.parse({
  id: '6b1f3c1e-4f7a-5d2b-9c1e-2a3b4c5d6e7f',
  ticketNumber: 'BTN-1',
  template: 'received',
  to: [{ email: 'ana@contoso.com', name: 'Ana' }],
  subject: 'We received your ticket BTN-1',
  html: '<p>Hello</p>',
  text: 'Hello',
  status: 'pending',
  attempts: 0,
  nextAttemptAt: '2026-11-23T08:59:00.000Z',
  createdAt: '2026-11-23T08:59:00.000Z',
});

const policy = { leaseMs: 300_000, maxAttempts: 3 };

function replaced<T>(mutation: { kind: string; document?: T }): T {
  if (mutation.kind !== 'replace' || mutation.document === undefined) throw new Error(`expected a replace, got ${mutation.kind}`);
  return mutation.document;
}

describe('outbox delivery steps', () => {
  describe('claiming a message', () => {
    it('counts the attempt and holds the message for a lease', () => {
      const claimed = replaced(claimForDelivery(pending, NOW, policy));
      expect(claimed).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: '2026-11-23T09:05:00.000Z' });
    });

    it('leaves a message alone while it is not due (another deliverer holds it, or it waits to retry)', () => {
      const held = { ...pending, nextAttemptAt: '2026-11-23T09:00:00.001Z' };
      expect(claimForDelivery(held, NOW, policy)).toEqual({ kind: 'rejected', rejection: 'not-due' });
    });

    it('leaves sent and failed messages alone', () => {
      expect(claimForDelivery({ ...pending, status: 'sent' }, NOW, policy)).toEqual({ kind: 'rejected', rejection: 'not-pending' });
      expect(claimForDelivery({ ...pending, status: 'failed' }, NOW, policy)).toEqual({ kind: 'rejected', rejection: 'not-pending' });
    });

    it('marks a message failed whose attempts ran out while a deliverer died holding it', () => {
      const exhausted = replaced(claimForDelivery({ ...pending, attempts: 3 }, NOW, policy));
      expect(exhausted).toMatchObject({ status: 'failed', attempts: 3, lastError: 'gave up after 3 attempts' });
    });
  });

  describe('recording a send', () => {
    it('marks the message sent, with the time, and forgets the last error', () => {
      const sent = replaced(markSent({ ...pending, attempts: 2, lastError: 'HTTP 503' }, NOW));
      expect(sent).toMatchObject({ status: 'sent', sentAt: NOW.toISOString(), attempts: 2 });
      expect(sent).not.toHaveProperty('lastError');
    });

    it('changes nothing when the message was already recorded as sent', () => {
      expect(markSent({ ...pending, status: 'sent', sentAt: '2026-11-23T08:59:30.000Z' }, NOW)).toEqual({ kind: 'no-change' });
    });
  });

  describe('recording a failure', () => {
    const failurePolicy = { maxAttempts: 3, backoff: (attempts: number) => attempts * 60_000 };

    it('schedules the next attempt after the backoff for the attempts made', () => {
      const retried = replaced(recordFailure({ ...pending, attempts: 2 }, NOW, { error: 'HTTP 503', permanent: false }, failurePolicy));
      expect(retried).toMatchObject({ status: 'pending', lastError: 'HTTP 503', nextAttemptAt: '2026-11-23T09:02:00.000Z' });
    });

    it('keeps the message as failed once its attempts are used up', () => {
      const failed = replaced(recordFailure({ ...pending, attempts: 3 }, NOW, { error: 'HTTP 503', permanent: false }, failurePolicy));
      expect(failed).toMatchObject({ status: 'failed', lastError: 'HTTP 503' });
    });

    it('keeps the message as failed at once when the service refused it for good', () => {
      const failed = replaced(recordFailure({ ...pending, attempts: 1 }, NOW, { error: 'HTTP 400', permanent: true }, failurePolicy));
      expect(failed.status).toBe('failed');
    });

    it('does not undo a send recorded by another deliverer', () => {
      expect(recordFailure({ ...pending, status: 'sent' }, NOW, { error: 'late', permanent: false }, failurePolicy)).toEqual({ kind: 'no-change' });
    });

    it('keeps the recorded error short', () => {
      const retried = replaced(recordFailure({ ...pending, attempts: 1 }, NOW, { error: 'x'.repeat(5_000), permanent: false }, failurePolicy));
      expect(retried.lastError?.length).toBeLessThanOrEqual(500);
      expect(OutboxMessageSchema.safeParse(retried).success).toBe(true);
    });
  });
});
