import { sendTamDigests } from '../../../shared/lifecycle/send-tam-digests';
import { tamDigestEmail, tamDigests } from '../../../shared/lifecycle/tam-digest';
import { sampleOrg } from '../domain/support/org-fixtures';
import { receivedTicket, system } from '../domain/support/ticket-fixtures';
import { inMemoryPorts } from './support/in-memory-ports';
import { applyAt, minutesAfterT0, workedTicket } from './support/lifecycle-tickets';

const org = sampleOrg();
/** Answered at minute 5, then silent: by minute 70 the next-update clock has breached. */
const silent = workedTicket('BTN-2026-000001');
const fresh = applyAt(receivedTicket({}, 'BTN-2026-000003'), [
  [0, { type: 'start-validation', actor: system }],
  [0, { type: 'triage', actor: system, slaPolicyId: 'enterprise-emea', queueId: 'collaboration', contractId: 'contoso-unified', tamEmail: 'tom.reyes@css.example' }],
]);

describe("the TAM's daily digest", () => {
  it("lists each TAM's tickets at risk with the SLA engine's reasons, and leaves healthy ones out", () => {
    const digests = tamDigests([silent, fresh], org, minutesAfterT0(20));
    expect(digests).toEqual([]);
    const [digest, ...others] = tamDigests([silent, fresh], org, minutesAfterT0(70));
    expect(others).toEqual([]);
    expect(digest).toMatchObject({ tamEmail: 'tom.reyes@css.example', tamName: 'Tom Reyes' });
    expect(digest?.tickets.map((ticket) => ticket.ticketNumber)).toEqual(['BTN-2026-000001', 'BTN-2026-000003']);
    expect(digest?.tickets[0]?.risks).toEqual([expect.stringContaining('Next update (Sev A)')]);
    expect(digest?.tickets[1]?.risks).toEqual([expect.stringContaining('First response (Sev A)')]);
  });

  it('queues one email per TAM per day, however often the timer runs', async () => {
    const ports = inMemoryPorts(org, () => minutesAfterT0(70));
    ports.put(silent);
    await expect(sendTamDigests(ports, minutesAfterT0(70))).resolves.toEqual({ queued: ['tom.reyes@css.example'], alreadyQueued: [] });
    await expect(sendTamDigests(ports, minutesAfterT0(80))).resolves.toEqual({ queued: [], alreadyQueued: ['tom.reyes@css.example'] });
    expect(ports.emails).toHaveLength(1);
    expect(ports.emails[0]).toMatchObject({ template: 'tam-digest', to: [{ email: 'tom.reyes@css.example', name: 'Tom Reyes' }] });
    expect(ports.emails[0]?.text).toContain('BTN-2026-000001');
  });

  it('keys the email by TAM and day', () => {
    const [digest] = tamDigests([silent], org, minutesAfterT0(70));
    if (digest === undefined) throw new Error('expected a digest');
    expect(tamDigestEmail(digest, '2026-11-23', org.supportDesk).id).toBe(tamDigestEmail(digest, '2026-11-23', org.supportDesk).id);
    expect(tamDigestEmail(digest, '2026-11-24', org.supportDesk).id).not.toBe(tamDigestEmail(digest, '2026-11-23', org.supportDesk).id);
  });
});
