/**
 * The ticket application service against the Cosmos and email stand-ins: opening a ticket,
 * applying commands through the domain with ETag retries, replay safety, notifications through
 * the outbox, queue views, and an unavailable store.
 */
import { verifyRequesterToken } from '../../../shared/auth/requester-token';
import type { Command } from '../../../shared/domain/commands/commands';
import { SYSTEM_ACTOR } from '../../../shared/domain/ticket/actor';
import type { EngineerRef } from '../../../shared/domain/ticket/engineer-ref';
import { NO_SLA_DEADLINE } from '../../../shared/store/sla-deadline';
import { TICKET_NUMBER_PATTERN } from '../../../shared/store/ticket-number-allocation';
import type { TicketServices } from '../../../shared/ticket-service/ticket-services';
import { eventually } from './support/eventually';
import { sampleIntake } from './support/sample-intake';
import { ManualClock, PUBLIC_BASE_URL, startTicketServiceFixture, type TicketServiceFixture } from './support/ticket-service-fixture';

const START = '2026-11-23T10:00:00.000Z';
const MARIA: EngineerRef = { engineerId: 'maria-garcia', name: 'María García', email: 'maria.garcia@css.example', region: 'AMER' };
const triage: Command = { type: 'triage', actor: SYSTEM_ACTOR, slaPolicyId: 'enterprise-emea', queueId: 'identity-and-devices', contractId: 'contoso-unified', tamEmail: 'tom.reyes@css.example' };

async function openSampleTicket(services: TicketServices, clock: ManualClock, overrides: Record<string, unknown> = {}) {
  const opened = await services.openTicket({ intake: sampleIntake(overrides), receivedAt: clock.now() });
  if (opened.kind !== 'accepted') throw new Error(`intake failed: ${opened.kind}`);
  return opened;
}

/** Takes a received ticket to an assigned one, as the orchestrator would. */
async function assignedTicket(services: TicketServices, clock: ManualClock) {
  const opened = await openSampleTicket(services, clock);
  const number = opened.ticket.ticketNumber;
  const steps: Command[] = [{ type: 'start-validation', actor: SYSTEM_ACTOR }, triage, { type: 'assign', actor: SYSTEM_ACTOR, engineer: MARIA }];
  const applied = await services.applyToTicket(number, () => steps, clock.now().toISOString());
  if (applied.kind !== 'applied') throw new Error(`could not assign: ${applied.kind}`);
  return applied.ticket;
}

describe('the ticket service', () => {
  let fixture: TicketServiceFixture;

  beforeAll(async () => {
    fixture = await startTicketServiceFixture();
  });
  afterAll(async () => {
    await fixture.stop();
  });

  describe('opening a ticket', () => {
    it('writes the ticket under a BTN number and emails the requester a working access link', async () => {
      const clock = new ManualClock(START);
      const { services } = fixture.services({ clock });
      const opened = await openSampleTicket(services, clock);

      expect(opened.ticket.ticketNumber).toMatch(TICKET_NUMBER_PATTERN);
      expect(opened.ticket.ticketNumber.startsWith('BTN-261123-')).toBe(true);
      const stored = await services.repository.read(opened.ticket.ticketNumber);
      expect(stored.kind).toBe('found');
      if (stored.kind !== 'found') return;
      expect(stored.ticket.status).toBe('received');
      expect(verifyRequesterToken(opened.accessToken, stored.ticket.accessTokenHash)).toBe(true);
      expect(stored.ticket.slaNextDueAt).toBe(NO_SLA_DEADLINE);

      // Intake answers first; the email follows right behind it.
      const mail = await eventually(
        () => fixture.email.messages({ to: 'ana.silva@contoso.com' }).filter((message) => message.subject.includes(opened.ticket.ticketNumber)),
        (messages) => messages.length > 0,
      );
      expect(mail).toHaveLength(1);
      expect(mail[0]?.plainText).toContain(`${PUBLIC_BASE_URL}/tickets/${opened.ticket.ticketNumber}?access=${opened.accessToken}`);
    });

    it('hands out the same token for the same ticket every time, and different ones for different tickets', async () => {
      const clock = new ManualClock(START);
      const { services } = fixture.services({ clock });
      const first = await openSampleTicket(services, clock);
      const second = await openSampleTicket(services, clock);
      const again = await services.accessToken(first.ticket.ticketNumber);
      expect(again).toEqual({ ok: true, token: first.accessToken });
      expect(second.accessToken).not.toBe(first.accessToken);
    });
  });

  describe('applying commands', () => {
    it('decides, evolves and saves every command of a batch, and keeps the SLA deadline current', async () => {
      const clock = new ManualClock(START);
      const { services } = fixture.services({ clock });
      const ticket = await assignedTicket(services, clock);

      expect(ticket.status).toBe('assigned');
      expect(ticket.assignee?.engineerId).toBe('maria-garcia');
      expect(ticket.timeline.map((event) => event.type)).toEqual(['ticket-received', 'validation-started', 'ticket-triaged', 'engineer-assigned']);
      // Sev B on the enterprise policy: a real deadline now runs, and it is in the future.
      expect(ticket.slaNextDueAt).not.toBe(NO_SLA_DEADLINE);
      expect(Date.parse(ticket.slaNextDueAt ?? '')).toBeGreaterThan(Date.parse(START));
    });

    it('answers the domain rejection and writes nothing when a command is not allowed', async () => {
      const clock = new ManualClock(START);
      const { services } = fixture.services({ clock });
      const opened = await openSampleTicket(services, clock);
      const result = await services.applyToTicket(opened.ticket.ticketNumber, () => ({ type: 'confirm-resolution', actor: { role: 'requester' } }), clock.now().toISOString());
      expect(result.kind).toBe('rejected');
      if (result.kind === 'rejected') expect(result.rejection.code).toBe('invalid-state');
      const stored = await services.repository.read(opened.ticket.ticketNumber);
      expect(stored.kind === 'found' && stored.ticket.timeline).toHaveLength(1);
    });

    it('rejects a whole batch when one of its commands is refused', async () => {
      const clock = new ManualClock(START);
      const { services } = fixture.services({ clock });
      const opened = await openSampleTicket(services, clock);
      const result = await services.applyToTicket(
        opened.ticket.ticketNumber,
        () => [{ type: 'start-validation', actor: SYSTEM_ACTOR }, { type: 'start-validation', actor: SYSTEM_ACTOR }],
        clock.now().toISOString(),
      );
      expect(result.kind).toBe('rejected');
      const stored = await services.repository.read(opened.ticket.ticketNumber);
      expect(stored.kind === 'found' && stored.ticket.status).toBe('received');
    });

    it('answers not-found for a ticket that does not exist', async () => {
      const { services } = fixture.services();
      const result = await services.applyToTicket('BTN-261123-00000', () => ({ type: 'start-validation', actor: SYSTEM_ACTOR }), START);
      expect(result).toEqual({ kind: 'not-found' });
    });

    it('lets concurrent writers all land, each deciding again from fresh state after losing a race', async () => {
      const clock = new ManualClock(START);
      const { services } = fixture.services({ clock });
      const ticket = await assignedTicket(services, clock);
      const notes = Array.from({ length: 8 }, (_, index) => `note ${index}`);
      const results = await Promise.all(
        notes.map((note) => services.applyToTicket(ticket.ticketNumber, () => ({ type: 'internal-note', actor: { role: 'team-lead', id: 'arjun-mehta' }, note }), clock.now().toISOString())),
      );
      expect(results.every((result) => result.kind === 'applied')).toBe(true);
      const stored = await services.repository.read(ticket.ticketNumber);
      if (stored.kind !== 'found') throw new Error('ticket vanished');
      const noted = stored.ticket.timeline.filter((event) => event.type === 'internal-note-added');
      expect(noted.map((event) => (event.type === 'internal-note-added' ? event.note : '')).sort()).toEqual([...notes].sort());
      const sequences = stored.ticket.timeline.map((event) => event.sequence);
      expect(sequences).toEqual(sequences.map((_, index) => index + 1));
    });

    it('appends nothing when the same command id is applied again, and answers with the first run’s events', async () => {
      const clock = new ManualClock(START);
      const { services } = fixture.services({ clock });
      const opened = await openSampleTicket(services, clock);
      const number = opened.ticket.ticketNumber;
      const steps = (): Command[] => [{ type: 'start-validation', actor: SYSTEM_ACTOR }, triage];
      const first = await services.applyToTicket(number, steps, clock.now().toISOString(), { commandId: `${number}:validate` });
      clock.advance(5_000);
      const second = await services.applyToTicket(number, steps, clock.now().toISOString(), { commandId: `${number}:validate` });

      expect(first.kind === 'applied' && first.replayed).toBe(false);
      expect(second.kind === 'applied' && second.replayed).toBe(true);
      if (first.kind !== 'applied' || second.kind !== 'applied') return;
      expect(second.events.map((event) => event.id)).toEqual(first.events.map((event) => event.id));
      expect(second.ticket.timeline).toHaveLength(3);
    });

    it('raises a wake-up signal after a saved change, and none when nothing changed', async () => {
      const clock = new ManualClock(START);
      const { services } = fixture.services({ clock });
      const opened = await openSampleTicket(services, clock);
      const signalled: string[] = [];
      const signalTicketChanged = async (ticketNumber: string): Promise<void> => {
        signalled.push(ticketNumber);
      };
      await services.applyToTicket(opened.ticket.ticketNumber, () => ({ type: 'start-validation', actor: SYSTEM_ACTOR }), clock.now().toISOString(), { signalTicketChanged });
      await services.applyToTicket(opened.ticket.ticketNumber, () => null, clock.now().toISOString(), { signalTicketChanged });
      expect(signalled).toEqual([opened.ticket.ticketNumber]);
    });
  });

  describe('notifications', () => {
    it('emails the engineer on assignment and the TAM of a Severity A ticket, once each', async () => {
      const clock = new ManualClock(START);
      const { services } = fixture.services({ clock });
      const opened = await openSampleTicket(services, clock, { severity: 'A', requester: { name: 'Ana Silva', email: 'ana.silva@contoso.com', timeZone: 'Europe/Lisbon', available24x7: true } });
      const number = opened.ticket.ticketNumber;
      const steps: Command[] = [{ type: 'start-validation', actor: SYSTEM_ACTOR }, triage, { type: 'assign', actor: SYSTEM_ACTOR, engineer: MARIA }];
      const applied = await services.applyToTicket(number, () => steps, clock.now().toISOString(), { commandId: `${number}:start` });
      await services.applyToTicket(number, () => steps, clock.now().toISOString(), { commandId: `${number}:start` });

      expect(applied.kind === 'applied' && applied.notifications.enqueued).toHaveLength(2);
      const about = (to: string) => fixture.email.messages({ to }).filter((message) => message.subject.includes(number));
      expect(about('tom.reyes@css.example').map((message) => message.subject)).toEqual([expect.stringContaining('Severity A')]);
      expect(about('maria.garcia@css.example').map((message) => message.subject)).toEqual([expect.stringContaining('Assigned to you')]);
    });

    it('records an SLA alert once however often it is raised, and tells the engineer and the queue lead', async () => {
      const clock = new ManualClock(START);
      const { services } = fixture.services({ clock });
      const ticket = await assignedTicket(services, clock);
      const alert: Command = { type: 'raise-sla-alert', actor: SYSTEM_ACTOR, alert: { kind: 'breach', metric: 'first-response', cycleId: 'c1', key: 'first-response:c1:breach', dueAt: START } };
      const first = await services.applyToTicket(ticket.ticketNumber, () => alert, clock.now().toISOString());
      const second = await services.applyToTicket(ticket.ticketNumber, () => alert, clock.now().toISOString());
      expect(first.kind).toBe('applied');
      expect(second.kind).toBe('unchanged');
      const breachMail = (to: string) => fixture.email.messages({ to }).filter((message) => message.subject.includes(`SLA BREACHED`) && message.subject.includes(ticket.ticketNumber));
      expect(breachMail('maria.garcia@css.example')).toHaveLength(1);
      expect(breachMail('arjun-mehta@css.example'.replace('-', '.'))).toHaveLength(1);
    });
  });

  describe('views', () => {
    it('lists a requester’s tickets and a queue by SLA urgency', async () => {
      const clock = new ManualClock(START);
      const { services } = fixture.services({ clock });
      const later = await assignedTicket(services, clock);
      clock.advance(-60 * 60_000);
      const earlier = await assignedTicket(services, clock);
      clock.advance(2 * 60 * 60_000);
      await openSampleTicket(services, clock, { requester: { name: 'Bo Chen', email: 'bo.chen@contoso.com', timeZone: 'Europe/London', available24x7: false } });

      const mine = await services.repository.listByRequester('Ana.Silva@contoso.com');
      expect(mine.kind === 'read' && mine.tickets.map((ticket) => ticket.ticketNumber).sort()).toEqual([earlier.ticketNumber, later.ticketNumber].sort());
      const queue = await services.repository.queueView({ queueId: 'identity-and-devices' });
      expect(queue.kind === 'read' && queue.tickets.map((ticket) => ticket.ticketNumber)).toEqual([earlier.ticketNumber, later.ticketNumber]);
      const received = await services.repository.queueView({ statuses: ['received'] });
      expect(received.kind === 'read' && received.tickets.map((ticket) => ticket.requesterEmail)).toEqual(['bo.chen@contoso.com']);
    });
  });

  describe('when the store is down', () => {
    it('answers unavailable and writes nothing', async () => {
      const clock = new ManualClock(START);
      const { services } = fixture.services({ clock });
      const opened = await openSampleTicket(services, clock);
      fixture.cosmos.setUnavailable(true);
      try {
        const applied = await services.applyToTicket(opened.ticket.ticketNumber, () => ({ type: 'start-validation', actor: SYSTEM_ACTOR }), clock.now().toISOString());
        const intake = await services.openTicket({ intake: sampleIntake(), receivedAt: clock.now() });
        expect(applied.kind).toBe('unavailable');
        expect(intake.kind).toBe('unavailable');
      } finally {
        fixture.cosmos.setUnavailable(false);
      }
      const mine = await services.repository.listByRequester('ana.silva@contoso.com');
      expect(mine.kind === 'read' && mine.tickets).toHaveLength(1);
    });
  });
});
