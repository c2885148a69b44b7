/**
 * Severity on the record, by email: a change that took effect, a downgrade proposed to the
 * requester (it needs their consent), and their answer, told to the engineer and the TAM.
 */
import { greeting, keepLinkPrivate, signature, staffLink, statusLink, ticketSubject } from './common-parts';
import type { EmailDocument } from './email-document';
import { eventOfType, type NotificationModel } from './notification-model';

export function severityChangedEmail(model: NotificationModel): EmailDocument {
  const { ticket } = model;
  const raised = eventOfType(model.event, 'severity-raised');
  const change = raised === undefined ? 'has changed' : `was raised from Severity ${raised.from} to Severity ${raised.to}`;
  return {
    subject: ticketSubject(ticket, `Now Severity ${raised?.to ?? ticket.severity ?? '?'}`),
    blocks: [
      greeting(model),
      { kind: 'paragraph', text: `The severity of ticket ${ticket.ticketNumber} ${change}. Its SLA targets follow the new severity.` },
      ...(raised === undefined ? [] : [{ kind: 'quote' as const, text: raised.reason }]),
      ...(model.recipient.role === 'requester' ? statusLink(model, 'See your ticket') : [staffLink(model)]),
    ],
    signature: signature(model),
  };
}

export function downgradeProposedEmail(model: NotificationModel): EmailDocument {
  const { ticket } = model;
  const proposal = eventOfType(model.event, 'severity-downgrade-proposed');
  return {
    subject: ticketSubject(ticket, `Action needed: lower to Severity ${proposal?.to ?? ticket.pendingDowngrade?.to ?? '?'}`),
    blocks: [
      greeting(model),
      {
        kind: 'paragraph',
        text: `We propose to lower ticket ${ticket.ticketNumber} from Severity ${proposal?.from ?? ticket.severity ?? '?'} to Severity ${proposal?.to ?? ticket.pendingDowngrade?.to ?? '?'}. Nothing changes unless you agree.`,
      },
      ...(proposal === undefined ? [] : [{ kind: 'quote' as const, text: proposal.reason }]),
      ...statusLink(model, 'Agree or refuse on your ticket page'),
      ...keepLinkPrivate(model),
    ],
    signature: signature(model),
  };
}

export function downgradeAnsweredEmail(model: NotificationModel): EmailDocument {
  const { ticket, event } = model;
  const consented = event.type === 'severity-downgrade-consented';
  const to = event.type === 'severity-downgrade-consented' || event.type === 'severity-downgrade-refused' ? event.to : undefined;
  return {
    subject: ticketSubject(ticket, `Downgrade ${consented ? 'accepted' : 'refused'}`),
    blocks: [
      { kind: 'paragraph', text: `Hello${model.recipient.name === undefined ? '' : ` ${model.recipient.name}`},` },
      {
        kind: 'paragraph',
        text: consented
          ? `${ticket.requester.name} agreed to lower ticket ${ticket.ticketNumber} to Severity ${to ?? '?'}; its SLA targets follow.`
          : `${ticket.requester.name} refused to lower ticket ${ticket.ticketNumber}${to === undefined ? '' : ` to Severity ${to}`}; it stays Severity ${ticket.severity ?? '?'}.`,
      },
      staffLink(model),
    ],
    signature: signature(model),
  };
}
