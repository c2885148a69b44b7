/**
 * Pieces several templates share: the greeting, the ticket's headline facts, and how instants,
 * severities and SLA metrics read in an email.
 */
import type { Ticket } from '../../domain/ticket/ticket';
import type { SlaMetric } from '../../domain/sla/sla-clock';
import type { EmailBlock } from './email-document';
import type { NotificationModel } from './notification-model';

export function greeting(model: NotificationModel): EmailBlock {
  const name = model.recipient.name ?? (model.recipient.role === 'requester' ? model.ticket.requester.name : undefined);
  return { kind: 'paragraph', text: name === undefined ? 'Hello,' : `Hello ${name},` };
}

export function signature(model: NotificationModel): string {
  return `${model.desk.name}\n${model.desk.email}`;
}

/** Instants in UTC, spelled out: emails are read in every time zone. */
export function readableInstant(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function severityLabel(ticket: Pick<Ticket, 'severity'>): string {
  return ticket.severity === undefined ? 'not set' : `Severity ${ticket.severity}`;
}

const METRIC_NAMES: Readonly<Record<SlaMetric, string>> = {
  'first-response': 'first response',
  'next-update': 'next update',
  resolution: 'resolution',
};

export function metricName(metric: SlaMetric): string {
  return METRIC_NAMES[metric];
}

/** The lines every email about a ticket starts from. */
export function ticketFacts(ticket: Ticket): EmailBlock {
  const rows: [string, string][] = [['Ticket', ticket.ticketNumber]];
  if (ticket.title !== undefined) rows.push(['Title', ticket.title]);
  rows.push(['Severity', severityLabel(ticket)]);
  if (ticket.company !== undefined) rows.push(['Company', ticket.company]);
  if (ticket.productArea !== undefined) rows.push(['Product area', ticket.productArea]);
  rows.push(['Status', ticket.status]);
  return { kind: 'facts', rows };
}

/** What to call the ticket in a subject line. */
export function ticketLabel(ticket: Ticket): string {
  return ticket.title === undefined ? ticket.ticketNumber : `${ticket.ticketNumber}: ${ticket.title}`;
}

export function statusLink(model: NotificationModel, label = 'Open your ticket'): EmailBlock[] {
  const page = model.links.requester?.statusPage;
  return page === undefined ? [] : [{ kind: 'link', label, url: page }];
}

export function staffLink(model: NotificationModel): EmailBlock {
  return { kind: 'link', label: 'Open the ticket', url: model.links.staffTicket };
}

export function keepLinkPrivate(model: NotificationModel): EmailBlock[] {
  return model.links.requester === undefined
    ? []
    : [{ kind: 'paragraph', text: 'This link gives access to your ticket: please do not forward this email.' }];
}
