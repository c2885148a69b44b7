/** To the requester on receipt: the ticket number, what they sent, and the private access link. */
import { greeting, keepLinkPrivate, signature, statusLink, ticketFacts, ticketSubject } from './common-parts';
import type { EmailDocument } from './email-document';
import type { NotificationModel } from './notification-model';

export function ticketReceivedEmail(model: NotificationModel): EmailDocument {
  const { ticket } = model;
  return {
    subject: ticketSubject(ticket, 'Received'),
    blocks: [
      greeting(model),
      { kind: 'paragraph', text: `Thank you for contacting ${model.desk.name}. Your ticket ${ticket.ticketNumber} has been received; we are checking it now and an engineer will be in touch.` },
      ticketFacts(model),
      { kind: 'heading', text: 'What you told us' },
      { kind: 'quote', text: ticket.description },
      ...(ticket.businessImpact === undefined ? [] : [{ kind: 'facts' as const, rows: [['Business impact', ticket.businessImpact] as const] }]),
      ...statusLink(model, 'Follow your ticket'),
      ...keepLinkPrivate(model),
    ],
    signature: signature(model),
  };
}
