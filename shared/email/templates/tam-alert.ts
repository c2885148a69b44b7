/** To the customer's TAM when a Severity A ticket is triaged, or a ticket is raised to A: the business is stopped. */
import { signature, staffLink, ticketFacts, ticketSubject } from './common-parts';
import type { EmailDocument } from './email-document';
import type { NotificationModel } from './notification-model';

export function tamAlertEmail(model: NotificationModel): EmailDocument {
  const { ticket } = model;
  const customer = ticket.company ?? ticket.requester.name;
  return {
    subject: ticketSubject(ticket, `Severity A for ${customer}`),
    blocks: [
      { kind: 'paragraph', text: `Hello${model.recipient.name === undefined ? '' : ` ${model.recipient.name}`},` },
      {
        kind: 'paragraph',
        text:
          model.event.type === 'severity-raised'
            ? `A ticket of ${customer} has been raised to Severity A: their business is stopped.`
            : `${customer} has opened a Severity A ticket: their business is stopped. It is being routed to an on-shift engineer now.`,
      },
      ...(model.event.type === 'severity-raised' ? [{ kind: 'quote' as const, text: model.event.reason }] : []),
      ticketFacts(model),
      { kind: 'facts', rows: [['Requester', `${ticket.requester.name} <${ticket.requester.email}>`], ...(ticket.requester.phone === undefined ? [] : [['Phone', ticket.requester.phone] as const])] },
      ...(ticket.businessImpact === undefined ? [] : [{ kind: 'heading' as const, text: 'Business impact' }, { kind: 'quote' as const, text: ticket.businessImpact }]),
      { kind: 'heading', text: 'Description' },
      { kind: 'quote', text: ticket.description },
      staffLink(model),
    ],
    signature: signature(model),
  };
}
