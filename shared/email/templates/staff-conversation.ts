/** To the assigned engineer when the customer speaks: a reply, or a proposed resolution turned down. */
import { signature, staffLink, statusInWords, ticketSubject } from './common-parts';
import type { EmailDocument } from './email-document';
import { eventOfType, type NotificationModel } from './notification-model';

function hello(model: NotificationModel): string {
  return `Hello${model.recipient.name === undefined ? '' : ` ${model.recipient.name}`},`;
}

export function customerRepliedEmail(model: NotificationModel): EmailDocument {
  const { ticket } = model;
  const message = eventOfType(model.event, 'customer-replied')?.message;
  return {
    subject: ticketSubject(ticket, 'Customer replied'),
    blocks: [
      { kind: 'paragraph', text: hello(model) },
      { kind: 'paragraph', text: `${ticket.requester.name} has replied on ticket ${ticket.ticketNumber}; it is back with you (status: ${statusInWords(ticket.status, model.recipient.role).toLowerCase()}).` },
      ...(message === undefined ? [] : [{ kind: 'quote' as const, text: message }]),
      staffLink(model),
    ],
    signature: signature(model),
  };
}

export function resolutionRejectedEmail(model: NotificationModel): EmailDocument {
  const { ticket } = model;
  const reason = eventOfType(model.event, 'resolution-rejected')?.reason;
  return {
    subject: ticketSubject(ticket, 'Resolution rejected'),
    blocks: [
      { kind: 'paragraph', text: hello(model) },
      { kind: 'paragraph', text: `${ticket.requester.name} says the proposed resolution did not solve ticket ${ticket.ticketNumber}; it is open again.` },
      ...(reason === undefined ? [] : [{ kind: 'quote' as const, text: reason }]),
      staffLink(model),
    ],
    signature: signature(model),
  };
}
