/** To the requester when validation fails: every reason at once, so everything can be fixed in one go. */
import { greeting, signature, statusLink, ticketFacts, ticketSubject } from './common-parts';
import type { EmailDocument } from './email-document';
import { eventOfType, type NotificationModel } from './notification-model';

export function ticketRejectedEmail(model: NotificationModel): EmailDocument {
  const { ticket } = model;
  const reasons = eventOfType(model.event, 'ticket-rejected')?.reasons.map((reason) => reason.message) ?? [];
  return {
    subject: ticketSubject(ticket, 'Not accepted'),
    blocks: [
      greeting(model),
      { kind: 'paragraph', text: `We are sorry: ticket ${ticket.ticketNumber} cannot be worked on as it stands, for the following ${reasons.length === 1 ? 'reason' : 'reasons'}.` },
      { kind: 'list', items: reasons.length === 0 ? ['The ticket did not pass validation.'] : reasons },
      { kind: 'paragraph', text: `Please open a new ticket once these points are addressed. If you believe this is a mistake, reply to this email: your reply reaches ${model.desk.name}.` },
      ticketFacts(model),
      ...statusLink(model, 'See the ticket'),
    ],
    signature: signature(model),
  };
}
