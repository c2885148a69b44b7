/** Which emails a batch of new events makes, and the ticket each one speaks of. */
import type { Command } from '../../../shared/domain/commands/commands';
import { SYSTEM_ACTOR } from '../../../shared/domain/ticket/actor';
import { decideBatch } from '../../../shared/ticket-service/apply-to-ticket';
import { outboxMessageId, plannedEmails } from '../../../shared/email/planned-emails';
import { ticketOf } from '../../../shared/store/stored-ticket';
import { RECEIVED_AT, sampleOrg, storedTicket } from '../ticket-service/ticket-fixtures';

const org = sampleOrg();
const maria = { engineerId: 'maria-garcia', name: 'María García', email: 'maria.garcia@css.example', region: 'AMER' as const };
const commands: Command[] = [
  { type: 'start-validation', actor: SYSTEM_ACTOR },
  { type: 'triage', actor: SYSTEM_ACTOR, slaPolicyId: 'enterprise-emea', queueId: 'identity-and-devices', contractId: 'contoso-unified', tamEmail: 'tom.reyes@css.example' },
  { type: 'assign', actor: SYSTEM_ACTOR, engineer: maria },
  { type: 'acknowledge', actor: { role: 'engineer', id: 'maria-garcia', name: 'María García' }, message: 'Looking at it now.' },
];

function applied() {
  const stored = storedTicket({ severity: 'A', requester: { name: 'Ana Silva', email: 'ana.silva@contoso.com', timeZone: 'Europe/Lisbon', available24x7: true } });
  const batch = decideBatch(stored, () => commands, RECEIVED_AT, org, undefined);
  if (batch.mutation.kind !== 'replace') throw new Error('expected the commands to apply');
  return { ticket: ticketOf(batch.mutation.document), events: batch.events };
}

describe('the emails a batch of events makes', () => {
  it('follows the domain: the TAM of a Sev A, the assigned engineer, then the requester', () => {
    const { ticket, events } = applied();
    const planned = plannedEmails(ticket, events, org);
    expect(planned.map((email) => `${email.notification.template}→${email.notification.to[0]?.email ?? ''}`)).toEqual([
      'tam-alert→tom.reyes@css.example',
      'assigned→maria.garcia@css.example',
      'customer-update→ana.silva@contoso.com',
    ]);
  });

  it('renders each against the ticket as it stood right after its own event', () => {
    const { ticket, events } = applied();
    const statuses = plannedEmails(ticket, events, org).map((email) => email.ticket.status);
    expect(statuses).toEqual(['triaged', 'assigned', 'investigating']);
  });

  it('gives each a UUID that the same event, template and recipient always reproduce', () => {
    const { ticket, events } = applied();
    const ids = plannedEmails(ticket, events, org).map((email) => outboxMessageId(email.notification));
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
    expect(plannedEmails(ticket, events, org).map((email) => outboxMessageId(email.notification))).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('still tells the requester and the assignee when the organisation is unknown', () => {
    const { ticket, events } = applied();
    const templates = plannedEmails(ticket, events, undefined).map((email) => email.notification.template);
    expect(templates).toEqual(expect.arrayContaining(['assigned', 'customer-update']));
  });
});
