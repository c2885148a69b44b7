/** To the engineer (and the requester, as a receipt) when a closed ticket is reopened. */
import { greeting, signature, staffLink, statusLink, ticketSubject } from './common-parts';
import type { EmailDocument } from './email-document';
import { eventOfType, type NotificationModel } from './notification-model';

export function ticketReopenedEmail(model: NotificationModel): EmailDocument {
  const { ticket } = model;
  const reason = eventOfType(model.event, 'ticket-reopened')?.reason;
  const forRequester = model.recipient.role === 'requester';
  return {
    subject: ticketSubject(ticket, 'Reopened'),
    blocks: [
      greeting(model),
      {
        kind: 'paragraph',
        text: forRequester
          ? `Ticket ${ticket.ticketNumber} is open again and back with ${ticket.assignee?.name ?? 'our engineers'}.`
          : `${ticket.requester.name} has reopened ticket ${ticket.ticketNumber}; the SLA clocks start again.`,
      },
      ...(reason === undefined ? [] : [{ kind: 'quote' as const, text: reason }]),
      ...(forRequester ? statusLink(model, 'Follow your ticket') : [staffLink(model)]),
    ],
    signature: signature(model),
  };
}
