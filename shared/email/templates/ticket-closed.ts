/** To the requester (and the engineer) when the ticket closes, whichever way: confirmed, after silence, by themselves, or not entitled. */
import type { ClosureReason } from '../../domain/ticket/ticket';
import { greeting, signature, staffLink, statusLink, ticketSubject } from './common-parts';
import type { EmailDocument } from './email-document';
import type { NotificationModel } from './notification-model';

/** Why it closed, told to the requester, who did it, or to staff, who read of the customer. */
const WHY: Readonly<Record<'requester' | 'staff', Readonly<Record<ClosureReason, string>>>> = {
  requester: {
    confirmed: 'You confirmed the proposed resolution.',
    'auto-closed': 'We proposed a resolution and did not hear back within the quiet period.',
    'self-closed': 'You closed it with your own solution.',
    'rejected-at-validation': 'It could not be worked on.',
    'not-entitled': 'It is not covered by your support contract.',
  },
  staff: {
    confirmed: 'The customer confirmed the proposed resolution.',
    'auto-closed': 'The customer did not answer the proposed resolution within the quiet period.',
    'self-closed': 'The customer closed it with their own solution.',
    'rejected-at-validation': 'It did not pass validation.',
    'not-entitled': 'It is not covered by the customer’s support contract.',
  },
};

export function ticketClosedEmail(model: NotificationModel): EmailDocument {
  const { ticket } = model;
  const closure = ticket.closure;
  return {
    subject: ticketSubject(ticket, 'Closed'),
    blocks: [
      greeting(model),
      { kind: 'paragraph', text: `Ticket ${ticket.ticketNumber} is now closed. ${closure === undefined ? '' : WHY[model.recipient.role === 'requester' ? 'requester' : 'staff'][closure.reason]}` },
      ...(closure === undefined || closure.summary === '' ? [] : [{ kind: 'quote' as const, text: closure.summary }]),
      ...(model.recipient.role === 'requester'
        ? [
            {
              kind: 'paragraph' as const,
              text:
                closure?.reason === 'not-entitled'
                  ? 'If your contract has changed, please open a new ticket.'
                  : 'If the problem comes back, you can reopen the ticket from your ticket page for a while after closure.',
            },
            ...statusLink(model, 'See your ticket'),
          ]
        : [staffLink(model)]),
    ],
    signature: signature(model),
  };
}
