/**
 * Pieces several templates share: the greeting, the subject every email of a ticket shares, the
 * ticket's headline facts, and how instants, severities, statuses, product areas and SLA metrics
 * read in an email: in words, never Baton's internal names.
 */
import type { Ticket } from '../../domain/ticket/ticket';
import type { TicketStatus } from '../../domain/ticket/ticket-status';
import type { VendorCaseStatus } from '../../domain/ticket/vendor-case';
import type { SlaMetric } from '../../domain/sla/sla-clock';
import type { EmailBlock } from './email-document';
import type { NotificationModel, RecipientRole } from './notification-model';
import { REQUESTER_STATUS_WORDS } from '../../domain/ticket/status-words';

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

/** A status as the requester reads it, and as staff do where their view differs. */
const STAFF_STATUS_WORDS: Partial<Record<TicketStatus, string>> = {
  'awaiting-customer': 'Waiting for the customer',
  'resolution-proposed': 'Solution proposed: waiting for the customer',
};

export function statusInWords(status: TicketStatus, reader: RecipientRole): string {
  return (reader === 'requester' ? undefined : STAFF_STATUS_WORDS[status]) ?? REQUESTER_STATUS_WORDS[status];
}

/** The catalogue's title for the ticket's product area ("Microsoft Entra ID", not `entra-id`). */
export function productAreaTitle(model: Pick<NotificationModel, 'ticket' | 'productAreas'>): string | undefined {
  const id = model.ticket.productArea;
  if (id === undefined) return undefined;
  return model.productAreas?.find((area) => area.id === id)?.name ?? id;
}

const VENDOR_STATUS_WORDS: Readonly<Record<VendorCaseStatus, string>> = {
  open: 'open',
  investigating: 'being investigated by the vendor',
  'awaiting-information': 'waiting for our information',
  'solution-provided': 'solved by the vendor',
  closed: 'closed',
};

export function vendorStatusInWords(status: VendorCaseStatus): string {
  return VENDOR_STATUS_WORDS[status];
}

/** The queue's name in the organisation ("Identity and devices"), or its id when unknown. */
export function queueTitle(model: Pick<NotificationModel, 'queues'>, queueId: string): string {
  return model.queues?.find((queue) => queue.id === queueId)?.name ?? queueId;
}

/** The lines every email about a ticket starts from. */
export function ticketFacts(model: NotificationModel): EmailBlock {
  const { ticket } = model;
  const rows: [string, string][] = [['Ticket', ticket.ticketNumber]];
  if (ticket.title !== undefined) rows.push(['Title', ticket.title]);
  rows.push(['Severity', ticket.severity ?? 'not set']);
  if (ticket.company !== undefined) rows.push(['Company', ticket.company]);
  const area = productAreaTitle(model);
  if (area !== undefined) rows.push(['Product area', area]);
  rows.push(['Status', statusInWords(ticket.status, model.recipient.role)]);
  return { kind: 'facts', rows };
}

/**
 * Every email about a ticket has the same subject root, `[BTN-…] title`, so mail clients keep the
 * conversation together; a short prefix says what this email is about.
 */
export function ticketSubject(ticket: Pick<Ticket, 'ticketNumber' | 'title'>, prefix?: string): string {
  const root = `[${ticket.ticketNumber}] ${ticket.title ?? 'Support request'}`;
  return prefix === undefined ? root : `${prefix}: ${root}`;
}

export function statusLink(model: NotificationModel, label = 'Open your ticket'): EmailBlock[] {
  const page = model.links.requester?.statusPage;
  return page === undefined ? [] : [{ kind: 'action', label, url: page }];
}

export function staffLink(model: NotificationModel): EmailBlock {
  return { kind: 'action', label: 'Open the ticket', url: model.links.staffTicket };
}

export function keepLinkPrivate(model: NotificationModel): EmailBlock[] {
  return model.links.requester === undefined
    ? []
    : [{ kind: 'paragraph', text: 'This link gives access to your ticket: please do not forward this email.' }];
}
