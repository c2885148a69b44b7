/**
 * To the engineer, the queue lead and (for breaches of Severity A and B) the TAM: an SLA target is
 * about to be missed, or has been. One template per kind, sharing the account of the deadline.
 */
import { metricName, readableInstant, signature, staffLink, ticketFacts, ticketSubject } from './common-parts';
import type { EmailBlock, EmailDocument } from './email-document';
import type { NotificationModel } from './notification-model';

function alertFacts(model: NotificationModel): { metric: string; dueAt: string | undefined; blocks: EmailBlock[] } {
  const { event } = model;
  if (event.type !== 'sla-warning-raised' && event.type !== 'sla-breached') return { metric: 'SLA', dueAt: undefined, blocks: [] };
  const rows: [string, string][] = [
    ['Metric', metricName(event.metric)],
    ['Due', readableInstant(event.dueAt)],
    ['Assigned to', model.ticket.assignee?.name ?? 'nobody yet'],
  ];
  return {
    metric: metricName(event.metric),
    dueAt: event.dueAt,
    blocks: [{ kind: 'facts', rows }, ...(event.explanation === undefined ? [] : [{ kind: 'paragraph' as const, text: event.explanation }])],
  };
}

export function slaWarningEmail(model: NotificationModel): EmailDocument {
  const facts = alertFacts(model);
  return {
    subject: ticketSubject(model.ticket, `SLA warning (${facts.metric})`),
    blocks: [
      { kind: 'paragraph', text: `The ${facts.metric} target of ticket ${model.ticket.ticketNumber} is near${facts.dueAt === undefined ? '' : `: it falls due at ${readableInstant(facts.dueAt)}`}.` },
      ...facts.blocks,
      ticketFacts(model),
      staffLink(model),
    ],
    signature: signature(model),
  };
}

export function slaBreachEmail(model: NotificationModel): EmailDocument {
  const facts = alertFacts(model);
  return {
    subject: ticketSubject(model.ticket, `SLA BREACHED (${facts.metric})`),
    blocks: [
      { kind: 'paragraph', text: `The ${facts.metric} target of ticket ${model.ticket.ticketNumber} has been missed${facts.dueAt === undefined ? '' : ` (due ${readableInstant(facts.dueAt)})`}. Please act now and tell the customer where things stand.` },
      ...facts.blocks,
      ticketFacts(model),
      staffLink(model),
    ],
    signature: signature(model),
  };
}
