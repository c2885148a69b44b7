/** A ticket's emails to one person read as one conversation: ids, replies and references. */
import type { Command } from '../../../shared/domain/commands/commands';
import { SYSTEM_ACTOR } from '../../../shared/domain/ticket/actor';
import { decideBatch } from '../../../shared/ticket-service/apply-to-ticket';
import { internetMessageId, threadHeaders, threadOf, ticketConversations } from '../../../shared/email/email-thread';
import { notificationsOfTimeline, outboxMessageId, plannedEmails } from '../../../shared/email/planned-emails';
import { ticketOf } from '../../../shared/store/stored-ticket';
import { RECEIVED_AT, sampleOrg, storedTicket } from '../ticket-service/ticket-fixtures';

const org = sampleOrg();
const SENDER = 'DoNotReply@Baton.Example';
const REQUESTER = 'ana.silva@contoso.com';
const maria = { engineerId: 'maria-garcia', name: 'María García', email: 'maria.garcia@css.example', region: 'AMER' as const };
const engineer = { role: 'engineer' as const, id: 'maria-garcia', name: 'María García' };
const commands: Command[] = [
  { type: 'start-validation', actor: SYSTEM_ACTOR },
  { type: 'triage', actor: SYSTEM_ACTOR, slaPolicyId: 'enterprise-emea', queueId: 'identity-and-devices', contractId: 'contoso-unified', tamEmail: 'tom.reyes@css.example' },
  { type: 'assign', actor: SYSTEM_ACTOR, engineer: maria },
  { type: 'acknowledge', actor: engineer, message: 'Looking at it now.' },
  { type: 'request-info', actor: engineer, message: 'Which users are affected?' },
];

function ticketAfterCommands() {
  const stored = storedTicket({ severity: 'A', requester: { name: 'Ana Silva', email: REQUESTER, timeZone: 'Europe/Lisbon', available24x7: true } });
  const batch = decideBatch(stored, () => commands, RECEIVED_AT, org, undefined);
  if (batch.mutation.kind !== 'replace') throw new Error('expected the commands to apply');
  return ticketOf(batch.mutation.document);
}

describe('email threads', () => {
  it('names each message by its outbox id at the sender’s domain', () => {
    expect(internetMessageId('6b1f3c1e-4f7a-5d2b-9c1e-2a3b4c5d6e7f', SENDER)).toBe('<6b1f3c1e-4f7a-5d2b-9c1e-2a3b4c5d6e7f@baton.example>');
  });

  it('makes each of the requester’s emails answer the one before it, and list the conversation from its first email', () => {
    const ticket = ticketAfterCommands();
    const conversations = ticketConversations(notificationsOfTimeline(ticket, org));
    const requesterIds = plannedEmails(ticket, ticket.timeline, org)
      .filter((email) => email.notification.to[0]?.email === REQUESTER)
      .map((email) => outboxMessageId(email.notification));
    expect(requesterIds).toHaveLength(3); // received, the acknowledgement, the question
    const threads = requesterIds.map((id) => threadOf(conversations, REQUESTER, id, SENDER));
    expect(threads[0]).toEqual({ messageId: internetMessageId(requesterIds[0] ?? '', SENDER), references: [] });
    expect(threads[1]?.inReplyTo).toBe(threads[0]?.messageId);
    expect(threads[2]?.inReplyTo).toBe(threads[1]?.messageId);
    expect(threads[2]?.references).toEqual([threads[0]?.messageId, threads[1]?.messageId]);
  });

  it('keeps staff conversations apart from the requester’s', () => {
    const ticket = ticketAfterCommands();
    const conversations = ticketConversations(notificationsOfTimeline(ticket, org));
    const [assigned] = plannedEmails(ticket, ticket.timeline, org).filter((email) => email.notification.to[0]?.email === maria.email);
    if (assigned === undefined) throw new Error('expected an email to the engineer');
    expect(threadOf(conversations, maria.email, outboxMessageId(assigned.notification), SENDER).inReplyTo).toBeUndefined();
  });

  it('is the same however often the emails are planned again', () => {
    const ticket = ticketAfterCommands();
    const [, , last] = plannedEmails(ticket, ticket.timeline, org).filter((email) => email.notification.to[0]?.email === REQUESTER);
    if (last === undefined) throw new Error('expected three requester emails');
    const headersOnce = threadHeaders(threadOf(ticketConversations(notificationsOfTimeline(ticket, org)), REQUESTER, outboxMessageId(last.notification), SENDER));
    const headersAgain = threadHeaders(threadOf(ticketConversations(notificationsOfTimeline(ticket, org)), REQUESTER.toUpperCase(), outboxMessageId(last.notification), SENDER));
    expect(headersAgain).toEqual(headersOnce);
    expect(Object.keys(headersOnce)).toEqual(['Message-ID', 'In-Reply-To', 'References']);
  });

  it('keeps the References header short on a long ticket: the first email and the latest ones', () => {
    const ids = Array.from({ length: 30 }, (_, index) => `00000000-0000-5000-8000-${String(index).padStart(12, '0')}`);
    const thread = threadOf(new Map([[REQUESTER, ids]]), REQUESTER, ids[29] ?? '', SENDER);
    expect(thread.references).toHaveLength(10);
    expect(thread.references[0]).toBe(internetMessageId(ids[0] ?? '', SENDER));
    expect(thread.inReplyTo).toBe(internetMessageId(ids[28] ?? '', SENDER));
  });
});
