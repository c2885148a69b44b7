/** To team leads (and the engineer concerned) when a ticket needs a person: nobody could take it, or it was escalated. */
import { queueTitle, signature, staffLink, ticketFacts, ticketSubject } from './common-parts';
import type { EmailDocument } from './email-document';
import { eventOfType, type NotificationModel } from './notification-model';

function hello(model: NotificationModel): string {
  return `Hello${model.recipient.name === undefined ? '' : ` ${model.recipient.name}`},`;
}

export function unassignedEmail(model: NotificationModel): EmailDocument {
  const { ticket } = model;
  const gap = eventOfType(model.event, 'no-engineer-available');
  return {
    subject: ticketSubject(ticket, 'Nobody could be assigned'),
    blocks: [
      { kind: 'paragraph', text: hello(model) },
      { kind: 'paragraph', text: `Baton could not assign ticket ${ticket.ticketNumber}${gap === undefined ? '' : ` in the ${queueTitle(model, gap.queueId)} queue`}. Please assign it by hand.` },
      ...(gap === undefined ? [] : [{ kind: 'quote' as const, text: gap.reason }]),
      ticketFacts(model),
      staffLink(model),
    ],
    signature: signature(model),
  };
}

export function internalEscalationEmail(model: NotificationModel): EmailDocument {
  const { ticket } = model;
  const escalation = eventOfType(model.event, 'escalated-internally');
  return {
    subject: ticketSubject(ticket, `Escalated to ${escalation?.to.name ?? 'a team lead'}`),
    blocks: [
      { kind: 'paragraph', text: hello(model) },
      { kind: 'paragraph', text: `Ticket ${ticket.ticketNumber} has been escalated internally${escalation === undefined ? '' : ` to ${escalation.to.name}`}.` },
      ...(escalation === undefined ? [] : [{ kind: 'quote' as const, text: escalation.reason }]),
      ticketFacts(model),
      staffLink(model),
    ],
    signature: signature(model),
  };
}
