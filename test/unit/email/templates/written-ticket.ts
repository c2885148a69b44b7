/**
 * A ticket in which every string a person typed (requester, engineers, vendor) is written by a
 * function of the field's name, and an event of the right type for each template: hostile for the
 * escaping specs, realistic for the gallery of emails.
 */
import { WebFormIntakeSchema } from '../../../../shared/domain/intake/intake';
import { receiveTicket } from '../../../../shared/domain/commands/receive-ticket';
import type { HandoffBrief } from '../../../../shared/domain/handoff/handoff-brief';
import type { EngineerRef } from '../../../../shared/domain/ticket/engineer-ref';
import type { Ticket } from '../../../../shared/domain/ticket/ticket';
import type { TimelineEvent } from '../../../../shared/domain/timeline/timeline-event';
import { stampEvents, type EventDraft } from '../../../../shared/domain/commands/decision';
import type { TemplateName } from '../../../../shared/email/templates/template-names';


/** What a person typed into `field`. */
export type Write = (field: string) => string;

export const AT = '2026-11-23T14:00:00.000Z';

const engineerWritten = (write: Write): EngineerRef => ({ engineerId: 'maria-garcia', name: write('engineer.name'), email: 'maria.garcia@css.example', region: 'AMER' });

function intakeWritten(write: Write) {
  return WebFormIntakeSchema.parse({
    requester: { name: write('requester.name'), email: 'ana@contoso.com', timeZone: 'Europe/Lisbon', available24x7: true, phone: '+44 20 7946 0000' },
    company: write('company'),
    tenantDomain: 'contoso.onmicrosoft.com',
    productArea: 'entra-id',
    severity: 'A',
    scope: 'cloud',
    title: write('title'),
    description: write('description'),
    businessImpact: write('businessImpact'),
    whatWasTried: write('whatWasTried'),
    errorText: write('errorText'),
    reproductionSteps: write('reproductionSteps'),
    expectedBehaviour: write('expectedBehaviour'),
    actualBehaviour: write('actualBehaviour'),
    attachmentsNote: write('attachmentsNote'),
  });
}

export function writtenTicket(write: Write): Ticket {
  const { ticket } = receiveTicket({ ticketNumber: 'BTN-261123-7K2QX', intake: intakeWritten(write), accessTokenHash: 'h'.repeat(43), receivedAt: AT });
  return {
    ...ticket,
    status: 'investigating',
    queueId: 'identity-and-devices',
    assignee: engineerWritten(write),
    tamEmail: 'tom.reyes@css.example',
    vendorCase: { caseId: write('vendorCase.caseId'), openedAt: AT, status: 'open' },
    proposedResolution: { summary: write('proposedResolution.summary'), at: AT },
    pendingDowngrade: { to: 'B', reason: write('pendingDowngrade.reason'), proposedBy: { role: 'tam' }, proposedAt: AT },
    closure: { reason: 'self-closed', at: AT, summary: write('closure.summary') },
  };
}

function briefWritten(write: Write): HandoffBrief {
  return {
    ticketNumber: 'BTN-261123-7K2QX',
    status: 'investigating',
    severity: 'A',
    problemStatement: write('brief.problemStatement'),
    businessImpact: write('brief.businessImpact'),
    whatWasTried: [write('brief.whatWasTried')],
    evidence: { errorText: write('brief.evidence.errorText') },
    outgoingNote: write('brief.outgoingNote'),
    nextStep: write('brief.nextStep'),
    answeredQuestions: [{ question: write('brief.answered.question'), askedAt: AT, answer: write('brief.answered.answer'), answeredAt: AT }],
    openQuestions: [{ question: write('brief.open.question'), askedAt: AT }],
    engineerNotes: [{ at: AT, author: write('brief.note.author'), note: write('brief.note') }],
    sla: [],
    handoffsWithoutCustomerUpdate: 3,
    stalled: true,
  };
}

/** The event that occasions each template, every free text in it hostile. */
export function eventDrafts(write: Write): Readonly<Record<TemplateName, EventDraft>> {
  const engineer = engineerWritten(write);
  return {
  received: { type: 'validation-started' },
  rejected: { type: 'ticket-rejected', reasons: [{ code: 'description-unclear', field: 'description', message: write('reason.message') }] },
  'tam-alert': { type: 'ticket-triaged', slaPolicyId: 'enterprise-emea', queueId: 'identity-and-devices', contractId: 'contoso-unified' },
  assigned: { type: 'engineer-assigned', engineer: engineer, reason: 'initial' },
  unassigned: { type: 'no-engineer-available', queueId: 'identity-and-devices', reason: write('no-engineer.reason') },
  'customer-update': { type: 'agent-responded', message: write('agent.message') },
  'info-requested': { type: 'info-requested', message: write('info.question') },
  'customer-replied': { type: 'customer-replied', message: write('customer.message') },
  'severity-changed': { type: 'severity-raised', from: 'B', to: 'A', reason: write('severity.reason') },
  'downgrade-proposed': { type: 'severity-downgrade-proposed', from: 'A', to: 'B', reason: write('downgrade.reason') },
  'downgrade-answered': { type: 'severity-downgrade-refused', from: 'A', to: 'B' },
  'internal-escalation': { type: 'escalated-internally', reason: write('escalation.reason'), to: { ...engineer, engineerId: 'grace-okafor', name: write('escalation.to.name') } },
  'vendor-escalation-raised': { type: 'vendor-case-opened', caseId: write('event.caseId') },
  'vendor-escalation-failed': { type: 'vendor-case-failed', reason: write('vendor-failure.reason') },
  'vendor-update': { type: 'vendor-updated', note: write('vendor.note'), status: 'investigating' },
  'vendor-follow-up': { type: 'vendor-followed-up', note: write('vendor.unreachable') },
  'sla-warning': { type: 'sla-warning-raised', metric: 'first-response', cycleId: 'c1', key: 'k1', dueAt: AT, explanation: write('sla.explanation') },
  'sla-breach': { type: 'sla-breached', metric: 'resolution', cycleId: 'c1', key: 'k2', dueAt: AT, explanation: write('sla.explanation') },
  handoff: {
    type: 'handed-off',
    fromEngineer: { ...engineer, name: write('from.name') },
    toEngineer: { engineerId: 'lukas-weber', name: write('to.name'), email: 'lukas.weber@css.example', region: 'EMEA' },
    fromRegion: 'AMER',
    toRegion: 'EMEA',
    brief: briefWritten(write),
  },
  'resolution-proposed': { type: 'resolution-proposed', summary: write('resolution.summary') },
  'resolution-reminder': { type: 'resolution-reminder-sent' },
  'resolution-rejected': { type: 'resolution-rejected', reason: write('rejection.reason') },
  closed: { type: 'self-closed', solution: write('solution') },
  reopened: { type: 'ticket-reopened', reason: write('reopen.reason') },
  };
}

export function writtenEventFor(template: TemplateName, ticket: Ticket, write: Write): TimelineEvent {
  if (template === 'received') {
    const first = ticket.timeline[0];
    if (first === undefined) throw new Error('a ticket starts with its receipt');
    return first;
  }
  const [event] = stampEvents(ticket, [eventDrafts(write)[template]], AT, { role: 'engineer', id: 'maria-garcia', name: write('actor.name') });
  if (event === undefined) throw new Error('one draft makes one event');
  return event;
}
