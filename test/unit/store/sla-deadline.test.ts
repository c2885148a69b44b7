/** The deadline queue views sort by, kept on every save. */
import type { Command } from '../../../shared/domain/commands/commands';
import { SYSTEM_ACTOR } from '../../../shared/domain/ticket/actor';
import type { Ticket } from '../../../shared/domain/ticket/ticket';
import { decideBatch } from '../../../shared/ticket-service/apply-to-ticket';
import { displayedSlaDeadline, NO_SLA_DEADLINE, slaDeadlines, slaNextDueAt } from '../../../shared/store/sla-deadline';
import { stamped } from '../../../shared/store/ticket-repository';
import { ticketOf } from '../../../shared/store/stored-ticket';
import { RECEIVED_AT, sampleOrg, storedTicket } from '../ticket-service/ticket-fixtures';

const org = sampleOrg();
const maria = { engineerId: 'maria-garcia', name: 'María García', email: 'maria.garcia@css.example', region: 'AMER' as const };

function after(commands: Command[], severity: 'A' | 'B' = 'A'): Ticket {
  const stored = storedTicket({ severity, requester: { name: 'Ana Silva', email: 'ana.silva@contoso.com', timeZone: 'Europe/Lisbon', available24x7: true } });
  const batch = decideBatch(stored, () => commands, RECEIVED_AT, org, undefined);
  if (batch.mutation.kind !== 'replace') throw new Error('expected the commands to apply');
  return ticketOf(batch.mutation.document);
}

const triaged: Command[] = [
  { type: 'start-validation', actor: SYSTEM_ACTOR },
  { type: 'triage', actor: SYSTEM_ACTOR, slaPolicyId: 'enterprise-emea', queueId: 'identity-and-devices', contractId: 'contoso-unified' },
  { type: 'assign', actor: SYSTEM_ACTOR, engineer: maria },
];

describe('the SLA deadline of a ticket', () => {
  it('is far in the future before triage, when no policy applies yet', () => {
    expect(slaNextDueAt(ticketOf(storedTicket()), org, RECEIVED_AT)).toBe(NO_SLA_DEADLINE);
    expect(slaNextDueAt(after(triaged), undefined, RECEIVED_AT)).toBe(NO_SLA_DEADLINE);
  });

  it('is the first-response due instant of a fresh Severity A ticket (one hour, around the clock)', () => {
    expect(slaNextDueAt(after(triaged), org, RECEIVED_AT)).toBe('2026-11-24T11:00:00.000Z');
  });

  it('stays in the past once breached, so the breached ticket sorts first', () => {
    expect(slaNextDueAt(after(triaged), org, '2026-11-24T13:00:00.000Z')).toBe('2026-11-24T11:00:00.000Z');
  });

  it('is far in the future while the ticket waits on the customer', () => {
    const waiting = after([...triaged, { type: 'request-info', actor: { role: 'team-lead', id: 'arjun-mehta' }, message: 'Which users?' }]);
    expect(waiting.status).toBe('awaiting-customer');
    expect(slaNextDueAt(waiting, org, RECEIVED_AT)).toBe(NO_SLA_DEADLINE);
  });

  it('is shown to people as absent rather than as the year 9999', () => {
    expect(displayedSlaDeadline({ slaNextDueAt: NO_SLA_DEADLINE })).toBeUndefined();
    expect(displayedSlaDeadline({ slaNextDueAt: '2026-11-24T11:00:00.000Z' })).toBe('2026-11-24T11:00:00.000Z');
  });
});

describe('the SLA warning instant kept beside the deadline', () => {
  it('is three quarters into the first response target of a fresh Severity A ticket', () => {
    // Received 10:00, one hour around the clock, the policy warns at 75 %.
    expect(slaDeadlines(after(triaged), org, RECEIVED_AT)).toEqual({ nextDueAt: '2026-11-24T11:00:00.000Z', nextWarningAt: '2026-11-24T10:45:00.000Z' });
  });

  it('is absent while no clock counts', () => {
    const waiting = after([...triaged, { type: 'request-info', actor: { role: 'team-lead', id: 'arjun-mehta' }, message: 'Which users?' }]);
    expect(slaDeadlines(waiting, org, RECEIVED_AT)).toEqual({ nextDueAt: NO_SLA_DEADLINE });
  });

  it('is stored on save, and an earlier one is dropped once no clock counts', () => {
    const running = stamped(after(triaged), { org, now: RECEIVED_AT });
    expect(running).toMatchObject({ slaNextWarningAt: '2026-11-24T10:45:00.000Z' });
    const waiting = after([...triaged, { type: 'request-info', actor: { role: 'team-lead', id: 'arjun-mehta' }, message: 'Which users?' }]);
    expect(stamped({ ...waiting, slaNextWarningAt: '2026-11-24T10:45:00.000Z' } as Ticket, { org, now: RECEIVED_AT })).not.toHaveProperty('slaNextWarningAt');
  });
});
