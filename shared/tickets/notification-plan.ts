/**
 * Who must be told what, for each new event: the requester, the assigned engineer, the queue's team
 * lead, the TAM. Baton's stop-gap until the domain's `notificationsFor` lands in
 * `shared/domain/notifications`; it speaks the same vocabulary (template per recipient per event).
 */
import type { OrgConfig } from '../domain/org/org-config';
import type { Ticket } from '../domain/ticket/ticket';
import type { TimelineEvent } from '../domain/timeline/timeline-event';
import type { NotificationRecipient } from '../email/templates/notification-model';
import type { TemplateName } from '../email/templates/template-names';

export interface PlannedNotification {
  readonly eventId: string;
  readonly template: TemplateName;
  readonly recipient: NotificationRecipient;
}

export type NotificationOrg = Pick<OrgConfig, 'queues' | 'roster'>;

function requester(ticket: Ticket): NotificationRecipient {
  return { email: ticket.requester.email, name: ticket.requester.name, role: 'requester' };
}

function assignee(ticket: Ticket): NotificationRecipient[] {
  return ticket.assignee === undefined ? [] : [{ email: ticket.assignee.email, name: ticket.assignee.name, role: 'engineer' }];
}

function queueLead(ticket: Ticket, org: NotificationOrg | undefined): NotificationRecipient[] {
  const queue = org?.queues.find((candidate) => candidate.id === ticket.queueId);
  const lead = org?.roster.engineers.find((engineer) => engineer.id === queue?.leadEngineerId);
  return lead === undefined ? [] : [{ email: lead.email, name: lead.name, role: 'team-lead' }];
}

function tam(ticket: Ticket): NotificationRecipient[] {
  return ticket.tamEmail === undefined ? [] : [{ email: ticket.tamEmail, role: 'tam' }];
}

function recipientsFor(event: TimelineEvent, ticket: Ticket, org: NotificationOrg | undefined): [TemplateName, NotificationRecipient[]] | undefined {
  switch (event.type) {
    case 'ticket-received':
      return ['ticket-received', [requester(ticket)]];
    case 'ticket-rejected':
      return ['ticket-rejected', [requester(ticket)]];
    case 'ticket-triaged':
      return ticket.severity === 'A' ? ['tam-alert', tam(ticket)] : undefined;
    case 'engineer-assigned':
      // A handoff has its own email with the brief.
      return event.reason === 'handoff' ? undefined : ['engineer-assigned', [{ email: event.engineer.email, name: event.engineer.name, role: 'engineer' }]];
    case 'acknowledged':
    case 'agent-responded':
      return ['customer-update', [requester(ticket)]];
    case 'info-requested':
      return ['info-requested', [requester(ticket)]];
    case 'sla-warning-raised':
      return ['sla-warning', [...assignee(ticket), ...queueLead(ticket, org)]];
    case 'sla-breached':
      return ['sla-breach', [...assignee(ticket), ...queueLead(ticket, org), ...(ticket.severity === 'C' ? [] : tam(ticket))]];
    case 'handed-off':
      return ['handoff', [{ email: event.toEngineer.email, name: event.toEngineer.name, role: 'engineer' }]];
    case 'vendor-case-opened':
      return ['vendor-escalation', [requester(ticket), ...assignee(ticket)]];
    case 'resolution-proposed':
    case 'resolution-reminder-sent':
      return ['resolution-proposed', [requester(ticket)]];
    case 'resolution-confirmed':
    case 'auto-closed':
    case 'self-closed':
    case 'closed-not-entitled':
      return ['ticket-closed', [requester(ticket)]];
    case 'ticket-reopened':
      return ['ticket-reopened', [...assignee(ticket), requester(ticket)]];
    default:
      return undefined;
  }
}

/** One notification per recipient and event; someone holding two roles hears it once. */
export function notificationsFor(ticket: Ticket, events: readonly TimelineEvent[], org: NotificationOrg | undefined): PlannedNotification[] {
  return events.flatMap((event) => {
    const planned = recipientsFor(event, ticket, org);
    if (planned === undefined) return [];
    const [template, recipients] = planned;
    const seen = new Set<string>();
    return recipients.flatMap((recipient) => {
      const key = recipient.email.toLowerCase();
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ eventId: event.id, template, recipient }];
    });
  });
}
