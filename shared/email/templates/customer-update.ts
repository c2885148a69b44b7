/** To the requester when their engineer writes to them (acknowledgement or update). */
import { greeting, keepLinkPrivate, signature, statusLink, ticketFacts, ticketSubject } from './common-parts';
import type { EmailDocument } from './email-document';
import type { NotificationModel } from './notification-model';

function messageOf(model: NotificationModel): string | undefined {
  const { event } = model;
  return event.type === 'acknowledged' || event.type === 'agent-responded' ? event.message : undefined;
}

export function customerUpdateEmail(model: NotificationModel): EmailDocument {
  const { ticket, event } = model;
  const author = event.actor.name ?? ticket.assignee?.name ?? 'Your engineer';
  const message = messageOf(model);
  return {
    subject: ticketSubject(ticket, 'Update'),
    blocks: [
      greeting(model),
      { kind: 'paragraph', text: `${author} has written about ticket ${ticket.ticketNumber}:` },
      ...(message === undefined ? [] : [{ kind: 'quote' as const, text: message }]),
      ticketFacts(model),
      ...statusLink(model, 'Reply or follow your ticket'),
      ...keepLinkPrivate(model),
    ],
    signature: signature(model),
  };
}
