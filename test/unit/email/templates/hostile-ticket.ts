/**
 * A ticket in which every string a person typed (requester, engineers, vendor) is an HTML attack
 * naming its field, and an event of the right type for each template, for the escaping specs.
 */
import { WebFormIntakeSchema } from '../../../../shared/domain/intake/intake';
import { receiveTicket } from '../../../../shared/domain/commands/receive-ticket';
import type { HandoffBrief } from '../../../../shared/domain/handoff/handoff-brief';
import type { EngineerRef } from '../../../../shared/domain/ticket/engineer-ref';
import type { Ticket } from '../../../../shared/domain/ticket/ticket';
import type { TimelineEvent } from '../../../../shared/domain/timeline/timeline-event';
import { stampEvents, type EventDraft } from '../../../../shared/domain/commands/decision';
import type { TemplateName } from '../../../../shared/email/templates/template-names';

export const AT = '2026-11-23T14:00:00.000Z';

/** The attack, tagged with the field it was typed into, so a leak says where it came from. */
export function attack(field: string): string {
  return `<script>alert("${field}")</script><img src=x onerror="alert('${field}')">`;
}

export function escaped(field: string): string {
  return `&lt;script&gt;alert(&quot;${field}&quot;)&lt;/script&gt;`;
}

const hostileEngineer: EngineerRef = { engineerId: 'maria-garcia', name: attack('engineer.name'), email: 'maria.garcia@css.example', region: 'AMER' };

function hostileIntake() {
  return WebFormIntakeSchema.parse({
    requester: { name: attack('requester.name'), email: 'ana@contoso.com', timeZone: 'Europe/Lisbon', available24x7: true, phone: '+44 20 7946 0000' },
    company: attack('company'),
    tenantDomain: 'contoso.onmicrosoft.com',
    productArea: 'entra-id',
    severity: 'A',
    scope: 'cloud',
    title: attack('title'),
    description: attack('description'),
    businessImpact: attack('businessImpact'),
    whatWasTried: attack('whatWasTried'),
    errorText: attack('errorText'),
    reproductionSteps: attack('reproductionSteps'),
    expectedBehaviour: attack('expectedBehaviour'),
    actualBehaviour: attack('actualBehaviour'),
    attachmentsNote: attack('attachmentsNote'),
  });
}

export function hostileTicket(): Ticket {
  const { ticket } = receiveTicket({ ticketNumber: 'BTN-261123-7K2QX', intake: hostileIntake(), accessTokenHash: 'h'.repeat(43), receivedAt: AT });
  return {
    ...ticket,
    status: 'investigating',
    queueId: 'identity-and-devices',
    assignee: hostileEngineer,
    tamEmail: 'tom.reyes@css.example',
    vendorCase: { caseId: attack('vendorCase.caseId'), openedAt: AT, status: 'open' },
    proposedResolution: { summary: attack('proposedResolution.summary'), at: AT },
    pendingDowngrade: { to: 'B', reason: attack('pendingDowngrade.reason'), proposedBy: { role: 'tam' }, proposedAt: AT },
    closure: { reason: 'self-closed', at: AT, summary: attack('closure.summary') },
  };
}

function brief(): HandoffBrief {
  return {
    ticketNumber: 'BTN-261123-7K2QX',
    status: 'investigating',
    severity: 'A',
    problemStatement: attack('brief.problemStatement'),
    businessImpact: attack('brief.businessImpact'),
    whatWasTried: [attack('brief.whatWasTried')],
    evidence: { errorText: attack('brief.evidence.errorText') },
    outgoingNote: attack('brief.outgoingNote'),
    nextStep: attack('brief.nextStep'),
    answeredQuestions: [{ question: attack('brief.answered.question'), askedAt: AT, answer: attack('brief.answered.answer'), answeredAt: AT }],
    openQuestions: [{ question: attack('brief.open.question'), askedAt: AT }],
    engineerNotes: [{ at: AT, author: attack('brief.note.author'), note: attack('brief.note') }],
    sla: [],
    handoffsWithoutCustomerUpdate: 3,
    stalled: true,
  };
}

/** The event that occasions each template, every free text in it hostile. */
export const EVENT_FOR: Readonly<Record<TemplateName, EventDraft>> = {
  received: { type: 'validation-started' },
  rejected: { type: 'ticket-rejected', reasons: [{ code: 'description-unclear', field: 'description', message: attack('reason.message') }] },
  'tam-alert': { type: 'ticket-triaged', slaPolicyId: 'enterprise-emea', queueId: 'identity-and-devices', contractId: 'contoso-unified' },
  assigned: { type: 'engineer-assigned', engineer: hostileEngineer, reason: 'initial' },
  unassigned: { type: 'no-engineer-available', queueId: 'identity-and-devices', reason: attack('no-engineer.reason') },
  'customer-update': { type: 'agent-responded', message: attack('agent.message') },
  'info-requested': { type: 'info-requested', message: attack('info.question') },
  'customer-replied': { type: 'customer-replied', message: attack('customer.message') },
  'severity-changed': { type: 'severity-raised', from: 'B', to: 'A', reason: attack('severity.reason') },
  'downgrade-proposed': { type: 'severity-downgrade-proposed', from: 'A', to: 'B', reason: attack('downgrade.reason') },
  'downgrade-answered': { type: 'severity-downgrade-refused', from: 'A', to: 'B' },
  'internal-escalation': { type: 'escalated-internally', reason: attack('escalation.reason'), to: { ...hostileEngineer, engineerId: 'grace-okafor', name: attack('escalation.to.name') } },
  'vendor-escalation-raised': { type: 'vendor-case-opened', caseId: attack('event.caseId') },
  'vendor-escalation-failed': { type: 'vendor-case-failed', reason: attack('vendor-failure.reason') },
  'vendor-update': { type: 'vendor-updated', note: attack('vendor.note'), status: 'investigating' },
  'vendor-follow-up': { type: 'vendor-followed-up', note: attack('vendor.unreachable') },
  'sla-warning': { type: 'sla-warning-raised', metric: 'first-response', cycleId: 'c1', key: 'k1', dueAt: AT, explanation: attack('sla.explanation') },
  'sla-breach': { type: 'sla-breached', metric: 'resolution', cycleId: 'c1', key: 'k2', dueAt: AT, explanation: attack('sla.explanation') },
  handoff: {
    type: 'handed-off',
    fromEngineer: { ...hostileEngineer, name: attack('from.name') },
    toEngineer: { engineerId: 'lukas-weber', name: attack('to.name'), email: 'lukas.weber@css.example', region: 'EMEA' },
    fromRegion: 'AMER',
    toRegion: 'EMEA',
    brief: brief(),
  },
  'resolution-proposed': { type: 'resolution-proposed', summary: attack('resolution.summary') },
  'resolution-reminder': { type: 'resolution-reminder-sent' },
  'resolution-rejected': { type: 'resolution-rejected', reason: attack('rejection.reason') },
  closed: { type: 'self-closed', solution: attack('solution') },
  reopened: { type: 'ticket-reopened', reason: attack('reopen.reason') },
};

export function eventFor(template: TemplateName, ticket: Ticket): TimelineEvent {
  if (template === 'received') {
    const first = ticket.timeline[0];
    if (first === undefined) throw new Error('a ticket starts with its receipt');
    return first;
  }
  const [event] = stampEvents(ticket, [EVENT_FOR[template]], AT, { role: 'engineer', id: 'maria-garcia', name: attack('actor.name') });
  if (event === undefined) throw new Error('one draft makes one event');
  return event;
}
