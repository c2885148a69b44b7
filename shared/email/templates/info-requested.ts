/** To the requester when the engineer needs an answer; the SLA clocks wait for it. */
import { greeting, keepLinkPrivate, signature, statusLink, ticketSubject } from './common-parts';
import type { EmailDocument } from './email-document';
import { eventOfType, type NotificationModel } from './notification-model';

export function infoRequestedEmail(model: NotificationModel): EmailDocument {
  const { ticket, event } = model;
  const question = eventOfType(event, 'info-requested')?.message;
  const author = event.actor.name ?? ticket.assignee?.name ?? 'Your engineer';
  return {
    subject: ticketSubject(ticket, 'Action needed: a question for you'),
    blocks: [
      greeting(model),
      { kind: 'paragraph', text: `${author} needs the following to continue on ticket ${ticket.ticketNumber}:` },
      ...(question === undefined ? [] : [{ kind: 'quote' as const, text: question }]),
      { kind: 'paragraph', text: 'The ticket waits for your answer; reply from your ticket page.' },
      ...statusLink(model, 'Answer on your ticket page'),
      ...keepLinkPrivate(model),
    ],
    signature: signature(model),
  };
}
