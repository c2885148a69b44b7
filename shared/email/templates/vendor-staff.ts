/** To the engineer (and leads) about the vendor case: it could not be opened, or the vendor wrote. */
import { signature, staffLink, ticketSubject, vendorStatusInWords } from './common-parts';
import type { EmailDocument } from './email-document';
import { eventOfType, type NotificationModel } from './notification-model';

function hello(model: NotificationModel): string {
  return `Hello${model.recipient.name === undefined ? '' : ` ${model.recipient.name}`},`;
}

export function vendorEscalationFailedEmail(model: NotificationModel): EmailDocument {
  const { ticket } = model;
  const failure = eventOfType(model.event, 'vendor-case-failed');
  return {
    subject: ticketSubject(ticket, 'Vendor case NOT opened'),
    blocks: [
      { kind: 'paragraph', text: hello(model) },
      { kind: 'paragraph', text: `The vendor case for ticket ${ticket.ticketNumber} could not be opened. Please escalate again or contact the vendor another way.` },
      ...(failure === undefined ? [] : [{ kind: 'quote' as const, text: failure.reason }]),
      staffLink(model),
    ],
    signature: signature(model),
  };
}

export function vendorUpdateEmail(model: NotificationModel): EmailDocument {
  const { ticket } = model;
  const update = eventOfType(model.event, 'vendor-updated');
  return {
    subject: ticketSubject(ticket, 'Vendor update'),
    blocks: [
      { kind: 'paragraph', text: hello(model) },
      { kind: 'paragraph', text: `The vendor has updated case ${ticket.vendorCase?.caseId ?? ''} of ticket ${ticket.ticketNumber}${update === undefined ? '' : `: it is now ${vendorStatusInWords(update.status)}`}.` },
      ...(update === undefined ? [] : [{ kind: 'quote' as const, text: update.note }]),
      ...(update?.scope === undefined ? [] : [{ kind: 'facts' as const, rows: [['Scope established', update.scope] as const] }]),
      staffLink(model),
    ],
    signature: signature(model),
  };
}
