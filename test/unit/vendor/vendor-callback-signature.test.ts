import { randomUUID } from 'node:crypto';
import { signVendorCallback, verifyVendorCallback, type VendorCallbackEvent } from '../../../shared/vendor';

const at = new Date('2026-11-23T10:00:00Z');

function event(): VendorCallbackEvent {
  return {
    eventId: randomUUID(),
    eventType: 'servicerequest.updated',
    change: 'scope-declared',
    sequence: 2,
    occurredAt: at.toISOString(),
    serviceRequest: {
      id: '2600000000000001',
      title: 'Exchange hybrid mail flow stops',
      description: 'Mail from on-premises mailboxes queues.',
      severity: 'critical',
      supportTopicId: 'exchange-online',
      organization: { id: 'contoso.onmicrosoft.com' },
      primaryContact: { firstName: 'Ana', lastName: 'Silva', email: 'ana@partner.example' },
      status: 'in-progress',
      scope: 'on-premises',
      notes: [],
      createdDate: at.toISOString(),
      lastModifiedDate: at.toISOString(),
      lastClosedDate: null,
    },
  };
}

describe('vendor callback signature', () => {
  const secret = 'callback-secret';

  it('accepts a body signed with the shared secret and returns the parsed event', () => {
    const body = JSON.stringify(event());
    const result = verifyVendorCallback({
      rawBody: body,
      signatureHeader: signVendorCallback(body, secret, at.getTime()),
      secret,
      now: new Date(at.getTime() + 60_000),
    });
    expect(result.ok && result.event.serviceRequest.scope).toBe('on-premises');
  });

  it('rejects a body changed after signing', () => {
    const body = JSON.stringify(event());
    const header = signVendorCallback(body, secret, at.getTime());
    const result = verifyVendorCallback({ rawBody: body.replace('on-premises', 'cloud'), signatureHeader: header, secret, now: at });
    expect(result).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('rejects a signature made with another secret', () => {
    const body = JSON.stringify(event());
    const header = signVendorCallback(body, 'other', at.getTime());
    expect(verifyVendorCallback({ rawBody: body, signatureHeader: header, secret, now: at })).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('rejects a replay outside the tolerance window', () => {
    const body = JSON.stringify(event());
    const header = signVendorCallback(body, secret, at.getTime());
    const later = new Date(at.getTime() + 301_000);
    expect(verifyVendorCallback({ rawBody: body, signatureHeader: header, secret, now: later })).toEqual({
      ok: false,
      reason: 'stale-timestamp',
    });
  });

  it('rejects missing and malformed headers', () => {
    const body = JSON.stringify(event());
    expect(verifyVendorCallback({ rawBody: body, signatureHeader: undefined, secret, now: at }).ok).toBe(false);
    expect(verifyVendorCallback({ rawBody: body, signatureHeader: 'sha256=abc', secret, now: at })).toEqual({
      ok: false,
      reason: 'malformed-signature',
    });
  });

  it('accepts the previous secret while it is being rotated out', () => {
    const body = JSON.stringify(event());
    const header = signVendorCallback(body, 'old-secret', at.getTime());
    const result = verifyVendorCallback({ rawBody: body, signatureHeader: header, secret: ['new-secret', 'old-secret'], now: at });
    expect(result.ok).toBe(true);
  });

  it('rejects a correctly signed body that is not a callback event', () => {
    const body = JSON.stringify({ hello: 'world' });
    const header = signVendorCallback(body, secret, at.getTime());
    expect(verifyVendorCallback({ rawBody: body, signatureHeader: header, secret, now: at })).toEqual({
      ok: false,
      reason: 'invalid-payload',
    });
  });
});
