/** To the requester when a resolution is proposed (and as the reminder): confirm or reject it. */
import { greeting, keepLinkPrivate, signature, ticketSubject } from './common-parts';
import type { EmailBlock, EmailDocument } from './email-document';
import type { NotificationModel } from './notification-model';

export function resolutionProposedEmail(model: NotificationModel): EmailDocument {
  const { ticket, event } = model;
  const reminder = event.type === 'resolution-reminder-sent';
  const summary = event.type === 'resolution-proposed' ? event.summary : ticket.proposedResolution?.summary;
  const answers: EmailBlock[] =
    model.links.requester === undefined
      ? []
      : [
          { kind: 'action', label: 'Yes, this solved it', url: model.links.requester.confirmResolution },
          { kind: 'action', label: 'No, the problem remains', url: model.links.requester.rejectResolution },
        ];
  return {
    subject: ticketSubject(ticket, reminder ? 'Reminder: solution proposed' : 'Solution proposed'),
    blocks: [
      greeting(model),
      {
        kind: 'paragraph',
        text: reminder
          ? `We proposed a resolution for ticket ${ticket.ticketNumber} and have not heard back. Please tell us whether it worked; without an answer the ticket will be closed.`
          : `${event.actor.name ?? ticket.assignee?.name ?? 'Your engineer'} believes ticket ${ticket.ticketNumber} is resolved:`,
      },
      ...(summary === undefined ? [] : [{ kind: 'quote' as const, text: summary }]),
      ...answers,
      ...keepLinkPrivate(model),
    ],
    signature: signature(model),
  };
}
