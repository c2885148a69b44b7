/** To the assigned engineer when Baton follows up a vendor case that has gone quiet: it is theirs to chase. */
import { vendorFollowUpFacts } from '../../domain/notifications/vendor-follow-up';
import { readableInstant, signature, staffLink, ticketFacts, ticketSubject, vendorStatusInWords } from './common-parts';
import type { EmailBlock, EmailDocument } from './email-document';
import { eventOfType, type NotificationModel } from './notification-model';

export function vendorFollowUpEmail(model: NotificationModel): EmailDocument {
  const { ticket } = model;
  const followUp = eventOfType(model.event, 'vendor-followed-up');
  const facts = followUp === undefined ? undefined : vendorFollowUpFacts(ticket, followUp);
  const caseId = facts?.caseId ?? ticket.vendorCase?.caseId ?? '';
  const state: EmailBlock[] =
    facts === undefined
      ? []
      : [
          { kind: 'paragraph', text: `Vendor case ${facts.caseId} for ticket ${ticket.ticketNumber} has had no news since ${readableInstant(facts.quietSince)}.` },
          ...(facts.unreachable === undefined
            ? [{ kind: 'paragraph' as const, text: `The case is ${vendorStatusInWords(facts.vendorStatus)}.` }]
            : [{ kind: 'paragraph' as const, text: 'The case could not be read this time:' }, { kind: 'quote' as const, text: facts.unreachable }]),
        ];
  return {
    subject: ticketSubject(ticket, `Follow up vendor case ${caseId}`),
    blocks: [
      { kind: 'paragraph', text: `Hello${model.recipient.name === undefined ? '' : ` ${model.recipient.name}`},` },
      ...state,
      { kind: 'paragraph', text: "You remain the customer's point of contact: please chase the vendor and update the customer." },
      ticketFacts(model),
      staffLink(model),
    ],
    signature: signature(model),
  };
}
