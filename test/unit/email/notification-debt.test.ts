/**
 * The emails a ticket owes: recorded in the same write as the events that call for them, struck
 * off once queued, and planned again from the stored timeline under the very same message ids.
 */
import type { Command } from '../../../shared/domain/commands/commands';
import { SYSTEM_ACTOR } from '../../../shared/domain/ticket/actor';
import type { TimelineEvent } from '../../../shared/domain/timeline/timeline-event';
import { decideBatch } from '../../../shared/ticket-service/apply-to-ticket';
import { eventsOwed, owe, owesAnyOf, settle } from '../../../shared/email/notification-debt';
import { outboxMessageId, plannedEmails } from '../../../shared/email/planned-emails';
import { ticketOf, type StoredTicket } from '../../../shared/store/stored-ticket';
import { withoutDebt } from '../../../shared/store/ticket-repository';
import { sampleOrg, storedTicket } from '../ticket-service/ticket-fixtures';

const org = sampleOrg();
const NOW = '2026-11-24T10:05:00.000Z';
const LATER = '2026-11-24T11:40:00.000Z';
const maria = { engineerId: 'maria-garcia', name: 'María García', email: 'maria.garcia@css.example', region: 'AMER' as const };
const lead = { role: 'team-lead' as const, id: 'arjun-mehta' };
const severityA = { severity: 'A', requester: { name: 'Ana Silva', email: 'ana.silva@contoso.com', timeZone: 'Europe/Lisbon', available24x7: true } };
const intakeToAssignment: Command[] = [
  { type: 'start-validation', actor: SYSTEM_ACTOR },
  { type: 'triage', actor: SYSTEM_ACTOR, slaPolicyId: 'enterprise-emea', queueId: 'identity-and-devices', contractId: 'contoso-unified', tamEmail: 'tom.reyes@css.example' },
  { type: 'assign', actor: SYSTEM_ACTOR, engineer: maria },
];

function written(stored: StoredTicket, commands: readonly Command[], now = NOW): { stored: StoredTicket; events: readonly TimelineEvent[] } {
  const batch = decideBatch(stored, () => commands, now, org, undefined);
  if (batch.mutation.kind !== 'replace') throw new Error(`expected a write, got ${batch.mutation.kind}`);
  return { stored: batch.mutation.document, events: batch.events };
}

const ids = (events: readonly TimelineEvent[]): string[] => events.map((event) => event.id);

describe('the emails a ticket owes', () => {
  describe('when a change is written', () => {
    it('owes, in the same document, exactly the new events that call for an email, since the write', () => {
      const { stored, events } = written(storedTicket(severityA), intakeToAssignment);
      expect(events.map((event) => event.type)).toEqual(['validation-started', 'ticket-triaged', 'engineer-assigned']);
      // Validation starting tells nobody; the Sev A triage alerts the TAM, the assignment the engineer.
      expect(stored.notificationDebt).toEqual({ since: NOW, eventIds: ids(events.slice(1)) });
    });

    it('owes nothing for a change that tells nobody', () => {
      const { stored } = written(storedTicket(), [{ type: 'internal-note', actor: lead, note: 'Watching this one.' }]);
      expect(stored.notificationDebt).toBeUndefined();
    });

    it('adds to what an earlier change still owes, keeping when the debt began', () => {
      const first = written(storedTicket(severityA), intakeToAssignment);
      const second = written(first.stored, [{ type: 'acknowledge', actor: { role: 'engineer', id: 'maria-garcia', name: 'María García' }, message: 'On it.' }], LATER);
      expect(second.stored.notificationDebt).toEqual({ since: NOW, eventIds: [...ids(first.events.slice(1)), ...ids(second.events)] });
    });

    it('never lets the domain see the debt', () => {
      const { stored } = written(storedTicket(severityA), intakeToAssignment);
      expect(ticketOf(stored)).not.toHaveProperty('notificationDebt');
    });
  });

  describe('settling', () => {
    it('strikes off exactly the events whose emails were queued, and leaves what a later writer added', () => {
      const debt = { since: NOW, eventIds: ['e2', 'e3', 'e5'] };
      expect(settle(debt, ['e2', 'e3'])).toEqual({ since: NOW, eventIds: ['e5'] });
      expect(settle(debt, ['e2', 'e3', 'e5'])).toBeUndefined();
      expect(settle(undefined, ['e2'])).toBeUndefined();
    });

    it('records the instant in one format, so the sweep can compare instants as strings', () => {
      const { events } = written(storedTicket(severityA), intakeToAssignment);
      expect(owe(undefined, events, '2026-11-24T10:05:00Z')?.since).toBe('2026-11-24T10:05:00.000Z');
      expect(owe(undefined, [], NOW)).toBeUndefined();
    });

    it('writes nothing when the ticket no longer owes those events, and drops the field when nothing is left', () => {
      const { stored, events } = written(storedTicket(severityA), intakeToAssignment);
      expect(withoutDebt(stored, ['someone-else']).kind).toBe('no-change');
      expect(owesAnyOf(stored.notificationDebt, ids(events))).toBe(true);
      const settled = withoutDebt(stored, ids(events));
      expect(settled.kind === 'replace' && 'notificationDebt' in settled.document).toBe(false);
    });
  });

  describe('planning again from the stored timeline', () => {
    it('finds the owed events on the timeline, even after later changes', () => {
      const first = written(storedTicket(severityA), intakeToAssignment);
      const later = written(first.stored, [{ type: 'internal-note', actor: lead, note: 'Watching this one.' }], LATER);
      expect(ids(eventsOwed(ticketOf(later.stored), later.stored.notificationDebt))).toEqual(ids(first.events.slice(1)));
    });

    it('plans the same emails under the same outbox ids, each about the ticket as it stood then', () => {
      const first = written(storedTicket(severityA), intakeToAssignment);
      const atWrite = plannedEmails(ticketOf(first.stored), first.events, org);
      const later = written(first.stored, [{ type: 'acknowledge', actor: { role: 'engineer', id: 'maria-garcia', name: 'María García' }, message: 'On it.' }], LATER);
      const replanned = plannedEmails(ticketOf(later.stored), eventsOwed(ticketOf(later.stored), first.stored.notificationDebt), org);

      expect(replanned.map((email) => outboxMessageId(email.notification))).toEqual(atWrite.map((email) => outboxMessageId(email.notification)));
      expect(replanned.map((email) => email.ticket.status)).toEqual(['triaged', 'assigned']);
      expect(replanned.map((email) => email.notification.template)).toEqual(['tam-alert', 'assigned']);
    });
  });
});
