/**
 * What the intake repair timer does, against the Cosmos and email stand-ins with a recording
 * lifecycle: it starts the lifecycle of tickets still `received` after the grace period, leaves
 * younger ones and ones already under way alone, and never sends the received email twice.
 */
import { SYSTEM_ACTOR } from '../../../shared/domain/ticket/actor';
import type { LifecycleControl, LifecycleExistence } from '../../../shared/orchestration/lifecycle-control';
import { REPAIR_GRACE_MS } from '../../../shared/orchestration/repair-lifecycles';
import { eventually } from './support/eventually';
import { sampleIntake } from './support/sample-intake';
import { ManualClock, startTicketServiceFixture, type TicketServiceFixture } from './support/ticket-service-fixture';

function recordingLifecycle(existing: ReadonlySet<string> = new Set()): LifecycleControl & { readonly started: string[] } {
  const started: string[] = [];
  const exists = async (ticketNumber: string): Promise<LifecycleExistence> => (existing.has(ticketNumber) || started.includes(ticketNumber) ? 'exists' : 'missing');
  return {
    started,
    exists,
    async start(ticketNumber) {
      started.push(ticketNumber);
      return 'started';
    },
    async ensureStarted(ticketNumber) {
      return (await exists(ticketNumber)) === 'exists' ? 'already-started' : this.start(ticketNumber);
    },
    async signalTicketChanged() {
      return undefined;
    },
  };
}

describe('repairing intakes whose lifecycle never started', () => {
  let fixture: TicketServiceFixture;

  beforeAll(async () => {
    fixture = await startTicketServiceFixture();
  });
  afterAll(async () => {
    await fixture.stop();
  });

  it('starts only tickets still received after the grace period, and only once', async () => {
    const clock = new ManualClock('2026-11-23T10:00:00.000Z');
    const { services } = fixture.services({ clock });
    const open = async (email: string) => {
      const opened = await services.openTicket({ intake: sampleIntake({ requester: { name: 'Ana Silva', email, timeZone: 'Europe/Lisbon', available24x7: false } }), receivedAt: clock.now() });
      if (opened.kind !== 'accepted') throw new Error(`intake failed: ${opened.kind}`);
      return opened.ticket.ticketNumber;
    };
    const orphan = await open('orphan@contoso.com');
    const underWay = await open('under.way@contoso.com');
    await services.applyToTicket(underWay, () => ({ type: 'start-validation', actor: SYSTEM_ACTOR }), clock.now().toISOString());
    clock.advance(REPAIR_GRACE_MS - 10_000);
    const young = await open('young@contoso.com');
    clock.advance(20_000);

    const lifecycle = recordingLifecycle();
    const first = await services.repairLifecycles(lifecycle, clock.now());
    const second = await services.repairLifecycles(lifecycle, clock.now());

    expect(first.started).toEqual([orphan]);
    expect(second.started).toEqual([]);
    expect(second.alreadyRunning).toEqual([orphan]);
    expect(lifecycle.started).not.toContain(young);
    const received = await eventually(() => fixture.email.messages({ to: 'orphan@contoso.com' }), (mails) => mails.length > 0);
    expect(received).toHaveLength(1);
  });

  it('leaves a ticket whose orchestration exists alone', async () => {
    const clock = new ManualClock('2026-11-23T10:00:00.000Z');
    const { services } = fixture.services({ clock });
    const opened = await services.openTicket({ intake: sampleIntake(), receivedAt: clock.now() });
    if (opened.kind !== 'accepted') throw new Error(`intake failed: ${opened.kind}`);
    clock.advance(2 * REPAIR_GRACE_MS);
    const lifecycle = recordingLifecycle(new Set([opened.ticket.ticketNumber]));
    const report = await services.repairLifecycles(lifecycle, clock.now());
    expect(report.alreadyRunning).toEqual([opened.ticket.ticketNumber]);
    expect(lifecycle.started).toEqual([]);
  });
});
