/** To the engineer a ticket was just assigned to: everything needed to start without asking again. */
import { signature, staffLink, ticketFacts, ticketSubject } from './common-parts';
import type { EmailBlock, EmailDocument } from './email-document';
import type { NotificationModel } from './notification-model';

function evidence(model: NotificationModel): EmailBlock[] {
  const { ticket } = model;
  const parts: [string, string | undefined][] = [
    ['Business impact', ticket.businessImpact],
    ['What was tried', ticket.whatWasTried],
    ['Error text', ticket.errorText],
    ['Steps to reproduce', ticket.reproductionSteps],
    ['Expected', ticket.expectedBehaviour],
    ['Actual', ticket.actualBehaviour],
    ['Attachments', ticket.attachmentsNote],
  ];
  return parts.flatMap(([label, value]): EmailBlock[] => (value === undefined ? [] : [{ kind: 'heading', text: label }, { kind: 'quote', text: value }]));
}

export function engineerAssignedEmail(model: NotificationModel): EmailDocument {
  const { ticket } = model;
  return {
    subject: ticketSubject(ticket, `Assigned to you (${ticket.severity === undefined ? 'no severity' : `Sev ${ticket.severity}`})`),
    blocks: [
      { kind: 'paragraph', text: `Hello${model.recipient.name === undefined ? '' : ` ${model.recipient.name}`},` },
      { kind: 'paragraph', text: `Ticket ${ticket.ticketNumber} is now yours. Please acknowledge it to the customer; the first response clock is running.` },
      ticketFacts(model),
      { kind: 'facts', rows: [['Requester', `${ticket.requester.name} <${ticket.requester.email}>`], ...(ticket.tenantDomain === undefined ? [] : [['Tenant', ticket.tenantDomain] as const])] },
      { kind: 'heading', text: 'Description' },
      { kind: 'quote', text: ticket.description },
      ...evidence(model),
      staffLink(model),
    ],
    signature: signature(model),
  };
}
