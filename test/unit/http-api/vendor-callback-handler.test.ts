import { handleVendorCallback } from '../../../shared/http-api/vendor-callback-handler';
import { signVendorCallback } from '../../../shared/vendor/vendor-callback-signature';
import type { VendorCallbackEvent } from '../../../shared/vendor/vendor-schemas';
import { sampleOrg } from '../domain/support/org-fixtures';
import { inMemoryPorts, type InMemoryPorts } from '../orchestration/support/in-memory-ports';
import { minutesAfterT0, withVendorCase, workedTicket } from '../orchestration/support/lifecycle-tickets';

const SECRET = 'a-vendor-callback-secret-of-some-length';
const NOW = new Date(minutesAfterT0(90));

function delivery(overrides: Partial<VendorCallbackEvent['serviceRequest']> = {}): string {
  const at = minutesAfterT0(80);
  const event: VendorCallbackEvent = {
    eventId: '0b5c3f4e-8a4e-4b8e-9d2f-6f0c2b1a9e11',
    eventType: 'servicerequest.updated',
    change: 'scope-declared',
    sequence: 2,
    occurredAt: at,
    serviceRequest: {
      id: 'SR-1',
      title: '[BTN-2026-000042] Outbound mail stuck in queue for all users',
      description: 'Mail is stuck.',
      severity: 'critical',
      supportTopicId: 'exchange-online',
      organization: { id: 'contoso.onmicrosoft.com' },
      primaryContact: { firstName: 'Chloé', lastName: 'Dubois', email: 'chloe.dubois@css.example' },
      status: 'in-progress',
      scope: 'on-premises',
      notes: [{ text: 'The fault is in the on-premises Exchange server.', createdByName: 'Vendor support engineer', createdDate: at }],
      createdDate: minutesAfterT0(31),
      lastModifiedDate: at,
      lastClosedDate: null,
      ...overrides,
    },
  };
  return JSON.stringify(event);
}

let ports: InMemoryPorts;
let signals: string[];

beforeEach(() => {
  ports = inMemoryPorts(sampleOrg(), () => NOW.toISOString());
  ports.put(withVendorCase(workedTicket()));
  signals = [];
});

function receive(rawBody: string, signatureHeader: string | null, secrets: readonly string[] = [SECRET]) {
  return handleVendorCallback({ rawBody, signatureHeader }, { ports, secrets, now: NOW, signalTicketChanged: async (ticketNumber) => void signals.push(ticketNumber) });
}

const vendorUpdates = () => ports.ticket('BTN-2026-000042').timeline.filter((event) => event.type === 'vendor-updated');

describe('the vendor callback', () => {
  it('applies a signed update to the ticket of the case and wakes its lifecycle, once however often it is delivered', async () => {
    const body = delivery();
    const signature = signVendorCallback(body, SECRET, NOW.getTime());
    await expect(receive(body, signature)).resolves.toMatchObject({ status: 200, jsonBody: { outcome: 'applied' } });
    expect(vendorUpdates()).toEqual([expect.objectContaining({ scope: 'on-premises', status: 'investigating', actor: expect.objectContaining({ role: 'vendor' }) })]);
    expect(signals).toEqual(['BTN-2026-000042']);
    await expect(receive(body, signature)).resolves.toMatchObject({ status: 200, jsonBody: { outcome: 'already-known' } });
    expect(vendorUpdates()).toHaveLength(1);
  });

  it('records a vendor answer sent as two changes (note, then status) once, in whichever order their callbacks arrive', async () => {
    const answeredAt = minutesAfterT0(80);
    const note = { text: 'We reproduced it; a fix is rolling out.', createdByName: 'Vendor support engineer', createdDate: answeredAt };
    const noteOnly = JSON.parse(delivery({ status: 'open', scope: null, notes: [note] })) as VendorCallbackEvent;
    const statusToo = JSON.parse(delivery({ status: 'in-progress', scope: null, notes: [note] })) as VendorCallbackEvent;
    ports.vendorScript.cases.set('SR-1', statusToo.serviceRequest);
    for (const event of [{ ...statusToo, sequence: 3 }, { ...noteOnly, sequence: 2 }]) {
      const body = JSON.stringify(event);
      await receive(body, signVendorCallback(body, SECRET, NOW.getTime()));
    }
    expect(vendorUpdates()).toEqual([expect.objectContaining({ status: 'investigating', note: `Vendor support engineer: ${note.text}` })]);
    expect(ports.ticket('BTN-2026-000042').vendorCase?.status).toBe('investigating');
  });

  it.each([
    ['without a signature', null],
    ['signed with another secret', signVendorCallback(delivery(), 'somebody-else-entirely-secret', NOW.getTime())],
    ['signed ten minutes ago', signVendorCallback(delivery(), SECRET, NOW.getTime() - 10 * 60_000)],
  ])('refuses a delivery %s and changes nothing', async (_case, signature) => {
    await expect(receive(delivery(), signature)).resolves.toMatchObject({ status: 401 });
    expect(vendorUpdates()).toEqual([]);
    expect(signals).toEqual([]);
  });

  it('refuses every delivery while no secret is configured', async () => {
    const body = delivery();
    await expect(receive(body, signVendorCallback(body, SECRET, NOW.getTime()), [])).resolves.toMatchObject({ status: 503 });
    expect(vendorUpdates()).toEqual([]);
  });

  it('acknowledges a case it cannot trace to a ticket without changing anything', async () => {
    const body = delivery({ title: 'A case someone else opened' });
    await expect(receive(body, signVendorCallback(body, SECRET, NOW.getTime()))).resolves.toMatchObject({ status: 200, jsonBody: { outcome: 'unknown-case' } });
    expect(vendorUpdates()).toEqual([]);
  });
});
