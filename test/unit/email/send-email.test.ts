import { emailMessageFor, sendFailureOf } from '../../../shared/email/send-email';
import { EmailOutboxMessageSchema } from '../../../shared/email/outbox-message';

/** The shape of the SDK's RestError: a message with an HTTP status and a service error code. */
function restError(message: string, fields: { statusCode?: number; code?: string }): Error {
  return Object.assign(new Error(message), { name: 'RestError' }, fields);
}

const message = EmailOutboxMessageSchema.parse({
  id: '6b1f3c1e-4f7a-5d2b-9c1e-2a3b4c5d6e7f',
  ticketNumber: 'BTN-1',
  template: 'received',
  to: [{ email: 'ana@contoso.com', name: 'Ana Silva' }, { email: 'it@contoso.com' }],
  subject: 'We received your ticket BTN-1',
  html: '<p>Hello &lt;Ana&gt;</p>',
  text: 'Hello <Ana>',
  status: 'pending',
  attempts: 1,
  nextAttemptAt: '2026-11-23T09:05:00.000Z',
  createdAt: '2026-11-23T09:00:00.000Z',
});

describe('sending an outbox message', () => {
  it('becomes an ACS email with both bodies and every recipient', () => {
    expect(emailMessageFor(message, 'DoNotReply@baton.example')).toEqual({
      senderAddress: 'DoNotReply@baton.example',
      content: { subject: 'We received your ticket BTN-1', html: '<p>Hello &lt;Ana&gt;</p>', plainText: 'Hello <Ana>' },
      recipients: { to: [{ address: 'ana@contoso.com', displayName: 'Ana Silva' }, { address: 'it@contoso.com' }] },
    });
  });

  it('carries where replies go and the threading headers', () => {
    const threaded = EmailOutboxMessageSchema.parse({
      ...message,
      replyTo: [{ email: 'support@css.example', name: 'Baton Cloud Support Desk' }],
      headers: { 'Message-ID': '<b@baton.example>', 'In-Reply-To': '<a@baton.example>', References: '<a@baton.example>' },
    });
    expect(emailMessageFor(threaded, 'DoNotReply@baton.example')).toMatchObject({
      replyTo: [{ address: 'support@css.example', displayName: 'Baton Cloud Support Desk' }],
      headers: { 'Message-ID': '<b@baton.example>', 'In-Reply-To': '<a@baton.example>', References: '<a@baton.example>' },
    });
  });

  it.each([400, 413, 422])('gives up on a message the service refused with %i', (statusCode) => {
    expect(sendFailureOf(restError('Bad request', { statusCode, code: 'BadRequest' }))).toEqual({
      error: `HTTP ${statusCode} BadRequest: Bad request`,
      permanent: true,
    });
  });

  it.each([401, 403, 429, 500, 503])('tries again after %i (configuration, throttling or outage can pass)', (statusCode) => {
    expect(sendFailureOf(restError('nope', { statusCode })).permanent).toBe(false);
  });

  it('tries again after a network failure or a timeout', () => {
    expect(sendFailureOf(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toEqual({
      error: 'ECONNREFUSED: connect ECONNREFUSED',
      permanent: false,
    });
    expect(sendFailureOf(new DOMException('The operation was aborted', 'AbortError')).permanent).toBe(false);
  });
});
