/**
 * To a TAM every morning: their customers' tickets at risk, each with why and a link to it. Not
 * about one ticket event, so it has a model of its own; it is written in the same blocks as every
 * other email, so it is escaped and has its plain-text part by construction.
 */
import type { AtRiskTicket, TamDigest } from '../../domain/notifications/tam-digest';
import { statusInWords } from './common-parts';
import type { EmailBlock, EmailDocument } from './email-document';

export interface TamDigestModel {
  readonly digest: TamDigest;
  readonly desk: { readonly name: string; readonly email: string; readonly brandColor?: string };
  /** The staff view of a ticket. */
  readonly staffTicketUrl: (ticketNumber: string) => string;
}

function headline(ticket: AtRiskTicket): string {
  return `${ticket.ticketNumber} · Sev ${ticket.severity ?? '?'} · ${ticket.customer} · ${ticket.title ?? 'no title'} (${statusInWords(ticket.status, 'tam').toLowerCase()})`;
}

function ticketBlocks(ticket: AtRiskTicket, model: TamDigestModel): EmailBlock[] {
  return [
    { kind: 'heading', text: headline(ticket) },
    { kind: 'list', items: ticket.risks },
    { kind: 'action', label: `Open ${ticket.ticketNumber}`, url: model.staffTicketUrl(ticket.ticketNumber) },
  ];
}

export function tamDigestEmail(model: TamDigestModel): EmailDocument {
  const { digest } = model;
  const recipient = digest.to[0];
  const name = recipient?.name ?? recipient?.email;
  const count = digest.tickets.length;
  return {
    subject: `Your at-risk tickets, ${digest.day}: ${String(count)}`,
    blocks: [
      { kind: 'paragraph', text: name === undefined ? 'Hello,' : `Hello ${name},` },
      {
        kind: 'paragraph',
        text: `${String(count)} of your customers' tickets ${count === 1 ? 'needs' : 'need'} attention today (${digest.day}):`,
      },
      ...digest.tickets.flatMap((ticket) => ticketBlocks(ticket, model)),
    ],
    signature: `${model.desk.name}\n${model.desk.email}`,
  };
}
