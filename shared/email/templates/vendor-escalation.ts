/** To the requester (and the TAM) when a case is opened with the vendor (Microsoft); our engineer stays the owner. */
import { greeting, signature, staffLink, statusLink, ticketSubject } from './common-parts';
import type { EmailDocument } from './email-document';
import { eventOfType, type NotificationModel } from './notification-model';

export function vendorEscalationEmail(model: NotificationModel): EmailDocument {
  const { ticket } = model;
  const caseId = eventOfType(model.event, 'vendor-case-opened')?.caseId ?? ticket.vendorCase?.caseId;
  const forRequester = model.recipient.role === 'requester';
  return {
    subject: ticketSubject(ticket, 'Escalated to the vendor'),
    blocks: [
      greeting(model),
      {
        kind: 'paragraph',
        text: forRequester
          ? `We have raised your ticket ${ticket.ticketNumber} with the product vendor's engineering support. ${ticket.assignee?.name ?? 'Your engineer'} stays your contact and will keep you updated.`
          : `A vendor case has been opened for ticket ${ticket.ticketNumber}; ${ticket.assignee?.name ?? 'the assigned engineer'} remains the owner and follows it up.`,
      },
      { kind: 'facts', rows: [['Ticket', ticket.ticketNumber], ['Vendor case', caseId ?? 'pending']] },
      ...(forRequester ? statusLink(model, 'Follow your ticket') : [staffLink(model)]),
    ],
    signature: signature(model),
  };
}
