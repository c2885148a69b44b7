import { tamDigestsFor } from '../../../shared/domain/notifications/tam-digest';
import { sendTamDigests } from '../../../shared/orchestration/send-tam-digests';
import { tamDigestDraft } from '../../../shared/orchestration/tam-digest';
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
const DAY_MINUTES = 24 * 60;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("the TAM's daily digest", () => {
  it("lists each TAM's tickets at risk with the SLA engine's reasons, and leaves healthy ones out", () => {
    const digests = tamDigestsFor([silent, fresh], org, minutesAfterT0(20));
    expect(digests).toEqual([]);
    const [digest, ...others] = tamDigestsFor([silent, fresh], org, minutesAfterT0(70));
    expect(others).toEqual([]);
    expect(digest?.to).toEqual([{ role: 'tam', email: 'tom.reyes@css.example', name: 'Tom Reyes' }]);
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
    expect(ports.emails[0]).toMatchObject({ template: 'tam-digest', ticketNumber: 'BTN-2026-000001', to: [{ email: 'tom.reyes@css.example', name: 'Tom Reyes' }] });
    expect(ports.emails[0]?.text).toContain('BTN-2026-000001');
    expect(ports.emails[0]?.html).toContain('href="https://baton.example/staff/tickets/BTN-2026-000001"');
  });

  it('queues the next day’s digest as a new email', async () => {
    const ports = inMemoryPorts(org, () => minutesAfterT0(70));
    ports.put(silent);
    await sendTamDigests(ports, minutesAfterT0(70));
    await expect(sendTamDigests(ports, minutesAfterT0(70 + DAY_MINUTES))).resolves.toEqual({ queued: ['tom.reyes@css.example'], alreadyQueued: [] });
    expect(ports.emails.map((email) => email.subject)).toEqual(['Your at-risk tickets, 2026-11-23: 1', 'Your at-risk tickets, 2026-11-24: 1']);
  });

  it('keys the email by TAM and day, as a UUID the outbox and the email service accept', async () => {
    const draftAt = async (minutes: number) => {
      const [digest] = tamDigestsFor([silent], org, minutesAfterT0(minutes));
      if (digest === undefined) throw new Error('expected a digest');
      return tamDigestDraft(digest, org.supportDesk, 'https://baton.example');
    };
    expect((await draftAt(70)).id).toMatch(UUID);
    expect((await draftAt(70)).id).toBe((await draftAt(500)).id);
    expect((await draftAt(70 + DAY_MINUTES)).id).not.toBe((await draftAt(70)).id);
  });
});
