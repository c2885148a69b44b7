/** Paying a ticket's notification debt: queue what is owed, then strike it off, never before. */
import type { Command } from '../../../shared/domain/commands/commands';
import { SYSTEM_ACTOR } from '../../../shared/domain/ticket/actor';
import type { TimelineEvent } from '../../../shared/domain/timeline/timeline-event';
import { decideBatch } from '../../../shared/ticket-service/apply-to-ticket';
import { payNotificationDebt } from '../../../shared/email/pay-notification-debt';
import type { StoredTicket } from '../../../shared/store/stored-ticket';
import type { NotificationOutcome } from '../../../shared/email/ticket-notifier';
import type { DebtSettlement, StoredTicketVersion } from '../../../shared/store/ticket-repository';
import { sampleOrg, storedTicket } from '../ticket-service/ticket-fixtures';

const org = sampleOrg();
const NOW = '2026-11-24T10:05:00.000Z';
const maria = { engineerId: 'maria-garcia', name: 'María García', email: 'maria.garcia@css.example', region: 'AMER' as const };
const toAssignment: Command[] = [
  { type: 'start-validation', actor: SYSTEM_ACTOR },
  { type: 'triage', actor: SYSTEM_ACTOR, slaPolicyId: 'enterprise-emea', queueId: 'identity-and-devices', contractId: 'contoso-unified' },
  { type: 'assign', actor: SYSTEM_ACTOR, engineer: maria },
];

function assigned(): { stored: StoredTicket; events: readonly TimelineEvent[] } {
  const batch = decideBatch(storedTicket(), () => toAssignment, NOW, org, undefined);
  if (batch.mutation.kind !== 'replace') throw new Error('expected the assignment to apply');
  return { stored: batch.mutation.document, events: batch.events };
}

interface Recorded {
  readonly announced: string[][];
  readonly settlements: { eventIds: readonly string[]; current: StoredTicketVersion | undefined }[];
}

function fakes(outcome: (events: readonly TimelineEvent[]) => NotificationOutcome) {
  const recorded: Recorded = { announced: [], settlements: [] };
  const dependencies = {
    notify: {
      async enqueue(_ticket: unknown, events: readonly TimelineEvent[]) {
        recorded.announced.push(events.map((event) => event.type));
        return outcome(events);
      },
    },
    repository: {
      async settleNotifications(_ticketNumber: string, eventIds: readonly string[], current?: StoredTicketVersion): Promise<DebtSettlement> {
        recorded.settlements.push({ eventIds, current });
        const { notificationDebt: _settled, ...stored } = current?.stored ?? assigned().stored;
        return { kind: 'settled', version: { stored, etag: 'etag-2' } };
      },
    },
  };
  return { dependencies, recorded };
}

const queued = (events: readonly TimelineEvent[]): NotificationOutcome => ({ enqueued: events.map((event) => `m-${event.id}`), alreadyEnqueued: [], failed: [], undeliverable: [] });

describe('paying a ticket’s notification debt', () => {
  it('queues the owed events’ emails, then strikes them off with the version it holds', async () => {
    const { stored } = assigned();
    const { dependencies, recorded } = fakes(queued);
    const payment = await payNotificationDebt(dependencies, { stored, etag: 'etag-1' }, org);
    expect(recorded.announced).toEqual([['engineer-assigned']]);
    expect(recorded.settlements).toEqual([{ eventIds: stored.notificationDebt?.eventIds, current: { stored, etag: 'etag-1' } }]);
    expect(payment.settled).toBe(true);
    // The settling write's version, so the payer's next write needs no read either.
    expect(payment.version).toEqual({ stored: expect.not.objectContaining({ notificationDebt: expect.anything() }), etag: 'etag-2' });
  });

  it('keeps the debt when any email could not be queued', async () => {
    const { stored } = assigned();
    const { dependencies, recorded } = fakes((events) => ({ ...queued(events), failed: [{ id: 'm-1', reason: 'unavailable' }] }));
    const payment = await payNotificationDebt(dependencies, { stored, etag: 'etag-1' }, org);
    expect(recorded.settlements).toEqual([]);
    expect(payment.settled).toBe(false);
  });

  it('strikes off an email that can never be queued, since no retry would help', async () => {
    const { stored } = assigned();
    const { dependencies, recorded } = fakes(() => ({ enqueued: [], alreadyEnqueued: [], failed: [], undeliverable: [{ id: 'm-1', reason: 'invalid address' }] }));
    expect((await payNotificationDebt(dependencies, { stored }, org)).settled).toBe(true);
    expect(recorded.settlements).toHaveLength(1);
  });

  it('costs nothing for a ticket that owes nothing, and still announces a replayed command’s events', async () => {
    const { stored, events } = assigned();
    const { notificationDebt: _paid, ...clear } = stored;
    const { dependencies, recorded } = fakes(queued);
    await payNotificationDebt(dependencies, { stored: clear }, org);
    expect(recorded.announced).toEqual([]);
    await payNotificationDebt(dependencies, { stored: clear }, org, events);
    expect(recorded.announced).toEqual([['validation-started', 'ticket-triaged', 'engineer-assigned']]);
    expect(recorded.settlements).toEqual([]);
  });
});
