/**
 * Who must be told what about each timeline event. The requester hears only of what they may
 * see; engineers of their work (and of a vendor case gone quiet); team leads of SLA alerts, stalls
 * and gaps; the TAM of Severity A tickets and of breaches on A and B. One notification per
 * recipient, with an idempotent id.
 */
import { Ticket } from '../ticket/ticket';
import { TimelineEvent } from '../timeline/timeline-event';
import { Notification, NotificationTemplate, notificationMessageId, Recipient } from './notification';
import { NotificationContext } from './notification-context';
import { toJsonObject } from './notification-data';
import { callsForFollowUpReminder, vendorFollowUpFacts } from './vendor-follow-up';

interface Audience {
  requester: Recipient[];
  assignee: Recipient[];
  teamLeads: Recipient[];
  tam: Recipient[];
}

interface Plan {
  template: NotificationTemplate;
  to: Recipient[];
  data?: object;
}

/** `ticket` is the ticket as it stands once `event` has been applied. */
export function notificationsFor(ticket: Ticket, event: TimelineEvent, context: NotificationContext): Notification[] {
  const audience = audienceOf(ticket, context);
  const headline = toJsonObject({ ticketNumber: ticket.ticketNumber, title: ticket.title, severity: ticket.severity, status: ticket.status, at: event.at });
  return plansFor(ticket, event, audience).flatMap((plan) =>
    uniqueByEmail(plan.to).map((recipient) => ({
      template: plan.template,
      to: [recipient],
      messageId: notificationMessageId(event.id, plan.template, recipient.email),
      ticketNumber: ticket.ticketNumber,
      eventId: event.id,
      data: { ...headline, ...(plan.data ? toJsonObject(plan.data) : {}) },
    })),
  );
}

function plansFor(ticket: Ticket, event: TimelineEvent, who: Audience): Plan[] {
  const tamIfSeverityA = ticket.severity === 'A' ? who.tam : [];
  switch (event.type) {
    case 'ticket-received':
      return [{ template: 'received', to: who.requester }];
    case 'ticket-rejected':
      return [{ template: 'rejected', to: who.requester, data: { reasons: event.reasons } }];
    case 'ticket-triaged':
      // Sev A alerts the TAM as soon as the ticket is known to be theirs (entitled and triaged).
      return [{ template: 'tam-alert', to: tamIfSeverityA, data: { company: ticket.company, businessImpact: ticket.businessImpact } }];
    case 'engineer-assigned':
      // A handoff is announced by `handed-off`, which carries the brief.
      return event.reason === 'handoff' ? [] : [{ template: 'assigned', to: [engineerRecipient(event.engineer)], data: { reason: event.reason } }];
    case 'no-engineer-available':
      return [{ template: 'unassigned', to: who.teamLeads, data: { queueId: event.queueId, reason: event.reason } }];
    case 'acknowledged':
    case 'agent-responded':
      return [{ template: 'customer-update', to: who.requester, data: { message: event.message } }];
    case 'info-requested':
      return [{ template: 'info-requested', to: who.requester, data: { question: event.message } }];
    case 'customer-replied':
      return [{ template: 'customer-replied', to: who.assignee, data: { message: event.message } }];
    case 'escalated-internally':
      return [{ template: 'internal-escalation', to: [{ ...engineerRecipient(event.to), role: 'team-lead' }, ...who.assignee], data: { reason: event.reason } }];
    case 'severity-raised':
      return [
        { template: 'severity-changed', to: [...who.requester, ...who.assignee], data: { from: event.from, to: event.to, reason: event.reason } },
        { template: 'tam-alert', to: event.to === 'A' ? who.tam : [], data: { from: event.from, reason: event.reason } },
      ];
    case 'severity-downgrade-proposed':
      return [{ template: 'downgrade-proposed', to: who.requester, data: { from: event.from, to: event.to, reason: event.reason } }];
    case 'severity-downgrade-consented':
    case 'severity-downgrade-refused':
      return [{ template: 'downgrade-answered', to: [...who.assignee, ...who.tam], data: { from: event.from, to: event.to, consented: event.type === 'severity-downgrade-consented' } }];
    case 'vendor-case-opened':
      return [{ template: 'vendor-escalation-raised', to: [...who.requester, ...(ticket.severity === 'C' ? [] : who.tam)], data: { caseId: event.caseId } }];
    case 'vendor-case-failed':
      return [{ template: 'vendor-escalation-failed', to: [...who.assignee, ...who.teamLeads], data: { reason: event.reason } }];
    case 'vendor-updated':
      return [{ template: 'vendor-update', to: who.assignee, data: { note: event.note, vendorStatus: event.status, scope: event.scope } }];
    case 'vendor-followed-up': {
      // The engineer owns the case: Baton's own follow-up reminds them to chase it.
      const facts = callsForFollowUpReminder(event) ? vendorFollowUpFacts(ticket, event) : undefined;
      return facts === undefined ? [] : [{ template: 'vendor-follow-up', to: who.assignee, data: facts }];
    }
    case 'resolution-proposed':
      return [{ template: 'resolution-proposed', to: who.requester, data: { summary: event.summary } }];
    case 'resolution-reminder-sent':
      // Stryker disable next-line OptionalChaining: a reminder is only sent of a proposal the ticket still holds; the check is for the type
      return [{ template: 'resolution-reminder', to: who.requester, data: { summary: ticket.proposedResolution?.summary } }];
    case 'resolution-rejected':
      return [{ template: 'resolution-rejected', to: who.assignee, data: { reason: event.reason } }];
    case 'resolution-confirmed':
    case 'self-closed':
    case 'auto-closed':
    case 'closed-not-entitled':
      return [{ template: 'closed', to: [...who.requester, ...who.assignee], data: { closure: ticket.closure } }];
    case 'ticket-reopened':
      return [{ template: 'reopened', to: [...who.assignee, ...who.requester], data: { reason: event.reason } }];
    case 'handed-off':
      return [{ template: 'handoff', to: [engineerRecipient(event.toEngineer)], data: { fromEngineer: event.fromEngineer.name, fromRegion: event.fromRegion, toEngineer: event.toEngineer.name, toRegion: event.toRegion, brief: event.brief } }];
    case 'sla-warning-raised':
      return [{ template: 'sla-warning', to: [...who.assignee, ...who.teamLeads], data: slaData(event) }];
    case 'sla-breached':
      return [{ template: 'sla-breach', to: [...who.assignee, ...who.teamLeads, ...(ticket.severity === 'C' ? [] : who.tam)], data: slaData(event) }];
    case 'validation-started':
    case 'internal-note-added':
    case 'vendor-escalation-requested':
    case 'handoff-acknowledged':
    // A file is evidence on the record; whoever works the ticket sees it on the ticket's page.
    case 'attachment-added':
    case 'internal-attachment-added':
      return [];
  }
}

function audienceOf(ticket: Ticket, context: NotificationContext): Audience {
  return {
    requester: [{ role: 'requester', email: ticket.requesterEmail, name: ticket.requester.name }],
    assignee: ticket.assignee ? [engineerRecipient(ticket.assignee)] : [],
    teamLeads: context.teamLeads.map((lead) => ({ role: 'team-lead', email: lead.email, name: lead.name })),
    tam: context.tam ? [{ role: 'tam', ...context.tam }] : [],
  };
}

function engineerRecipient(engineer: { email: string; name: string }): Recipient {
  return { role: 'engineer', email: engineer.email, name: engineer.name };
}

function slaData(event: { metric: string; dueAt: string; explanation?: string }): object {
  return { metric: event.metric, dueAt: event.dueAt, explanation: event.explanation };
}

/** A person gets one copy of a message even when they fill two roles (assignee and lead). */
function uniqueByEmail(recipients: readonly Recipient[]): Recipient[] {
  return recipients.filter((recipient, index) => recipients.findIndex((other) => other.email.toLowerCase() === recipient.email.toLowerCase()) === index);
}
