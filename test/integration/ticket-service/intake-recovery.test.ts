/**
 * Intake finishing what a crashed attempt left: an idempotency record claimed but no ticket
 * written, and a ticket number that clashes with a stranger's ticket. Against the Cosmos and
 * email stand-ins, below the HTTP layer.
 */
import { createIfAbsent } from '../../../shared/store/create-if-absent';
import { IDEMPOTENCY_CONTAINER } from '../../../shared/store/containers';
import { idempotencyRecordId, intakeRequestHash, type IdempotencyRecord } from '../../../shared/store/idempotency-record';
import { eventually } from './support/eventually';
import { sampleIntake } from './support/sample-intake';
import { ManualClock, startTicketServiceFixture, type TicketServiceFixture } from './support/ticket-service-fixture';

const START = '2026-11-23T10:00:00.000Z';

describe('intake after a crash half-way', () => {
  let fixture: TicketServiceFixture;

  beforeAll(async () => {
    fixture = await startTicketServiceFixture();
  });
  afterAll(async () => {
    await fixture.stop();
  });

  async function claimedRecord(databaseId: string, record: IdempotencyRecord): Promise<void> {
    const created = await createIfAbsent(fixture.client.database(databaseId).container(IDEMPOTENCY_CONTAINER), record);
    if (created.kind !== 'created') throw new Error(`could not plant the record: ${created.kind}`);
  }

  it('finishes the ticket a crashed attempt claimed, under the number and instant it claimed', async () => {
    const clock = new ManualClock(START);
    const { services, databaseId } = fixture.services({ clock });
    await services.ensureStore();
    const intake = sampleIntake();
    await claimedRecord(databaseId, {
      id: idempotencyRecordId('crashed-key'),
      purpose: 'intake',
      requestHash: intakeRequestHash(intake),
      ticketNumber: 'BTN-261123-CRASH',
      receivedAt: START,
      createdAt: START,
    });
    clock.advance(90_000);

    const retried = await services.openTicket({ intake, receivedAt: clock.now(), idempotencyKey: 'crashed-key' });
    expect(retried.kind).toBe('accepted');
    if (retried.kind !== 'accepted') return;
    expect(retried.ticket.ticketNumber).toBe('BTN-261123-CRASH');
    expect(retried.ticket.createdAt).toBe(START);
    const received = await eventually(() => fixture.email.messages({ to: 'ana.silva@contoso.com' }).filter((mail) => mail.subject.includes('BTN-261123-CRASH')), (mails) => mails.length > 0);
    expect(received).toHaveLength(1);
  });

  it('moves the claim to a fresh number when the claimed one belongs to someone else’s ticket', async () => {
    const clock = new ManualClock(START);
    const { services, databaseId } = fixture.services({ clock });
    const stranger = await services.openTicket({ intake: sampleIntake({ title: 'Somebody else’s ticket entirely' }), receivedAt: clock.now() });
    if (stranger.kind !== 'accepted') throw new Error('could not open the stranger’s ticket');
    const intake = sampleIntake();
    await claimedRecord(databaseId, {
      id: idempotencyRecordId('clashing-key'),
      purpose: 'intake',
      requestHash: intakeRequestHash(intake),
      ticketNumber: stranger.ticket.ticketNumber,
      receivedAt: START,
      createdAt: START,
    });

    const opened = await services.openTicket({ intake, receivedAt: clock.now(), idempotencyKey: 'clashing-key' });
    const again = await services.openTicket({ intake, receivedAt: clock.now(), idempotencyKey: 'clashing-key' });
    expect(opened.kind).toBe('accepted');
    if (opened.kind !== 'accepted' || again.kind !== 'accepted') return;
    expect(opened.ticket.ticketNumber).not.toBe(stranger.ticket.ticketNumber);
    expect(again.ticket.ticketNumber).toBe(opened.ticket.ticketNumber);
    const strangerNow = await services.repository.read(stranger.ticket.ticketNumber);
    expect(strangerNow.kind === 'found' && strangerNow.ticket.title).toBe('Somebody else’s ticket entirely');
  });
});
