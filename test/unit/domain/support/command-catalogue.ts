/**
 * Every command someone could plausibly issue on a ticket right now, for property-based
 * specifications that drive tickets through random but legal lifecycles.
 */
import { Command } from '../../../../shared/domain/commands/commands';
import { Ticket } from '../../../../shared/domain/ticket/ticket';
import { minimalBrief } from './handoff-fixtures';
import { engineer, graceRef, lead, lukas, maria, priya, requester, system, tam, vendor } from './ticket-fixtures';

export function candidateCommands(ticket: Ticket): Command[] {
  const owner = ticket.assignee ? engineer(ticket.assignee) : engineer(maria);
  const next = [maria, lukas, priya].find((candidate) => candidate.engineerId !== ticket.assignee?.engineerId) ?? lukas;
  const sequence = ticket.timeline.length;
  return [
    { type: 'start-validation', actor: system },
    {
      type: 'attach-file',
      actor: sequence % 2 === 0 ? requester : owner,
      attachment: {
        id: String(sequence).padStart(24, '0'),
        name: `trace-${String(sequence)}.log`,
        size: 2048,
        kind: 'text',
        contentType: 'text/plain; charset=utf-8',
        sha256: 'a'.repeat(64),
        uploadedAt: ticket.updatedAt,
        uploadedBy: sequence % 2 === 0 ? requester : owner,
        visibility: sequence % 2 === 0 ? 'requester' : 'internal',
      },
      limits: { maxFileBytes: 10_000, maxTicketBytes: 20_000, maxFilesPerTicket: 5 },
    },
    { type: 'reject', actor: system, reasons: [{ code: 'missing-field', field: 'tenantDomain', message: 'The tenant domain is missing.' }] },
    { type: 'triage', actor: system, slaPolicyId: 'enterprise-emea', queueId: 'collaboration', contractId: 'contoso-unified', tamEmail: 'tom.reyes@css.example' },
    { type: 'assign', actor: system, engineer: next },
    { type: 'report-no-engineer', actor: system, queueId: 'collaboration', reason: 'Nobody on shift has the skill.' },
    { type: 'acknowledge', actor: owner, message: 'I have your ticket.' },
    { type: 'respond', actor: owner, message: 'Here is what we found so far.' },
    { type: 'request-info', actor: owner, message: `Question ${String(sequence)}: which users are affected?` },
    { type: 'customer-reply', actor: requester, message: `Answer ${String(sequence)}: the sales team.` },
    { type: 'internal-note', actor: owner, note: 'Transport logs reviewed.', nextStep: 'Ask for the connector report.' },
    { type: 'escalate-internally', actor: system, reason: 'Handoffs without progress.', to: graceRef },
    { type: 'change-severity', actor: tam, to: 'C', reason: 'Workaround in place.' },
    { type: 'change-severity', actor: lead, to: 'A', reason: 'Outage spreads.' },
    { type: 'change-severity', actor: engineer(maria), to: 'B', reason: 'Partial impact.' },
    { type: 'consent-to-downgrade', actor: requester },
    { type: 'refuse-downgrade', actor: requester },
    { type: 'escalate-to-vendor', actor: owner, justification: 'Backend logs are needed.' },
    { type: 'record-vendor-case', actor: system, outcome: { status: 'opened', caseId: `26112300${String(sequence)}` } },
    { type: 'record-vendor-case', actor: system, outcome: { status: 'failed', reason: 'Vendor portal unavailable.' } },
    { type: 'vendor-update', actor: vendor, note: 'Looking into it.', status: 'investigating' },
    { type: 'vendor-update', actor: vendor, note: 'Problem lies on-premises.', status: 'solution-provided', scope: 'on-premises' },
    { type: 'vendor-update', actor: vendor, note: 'Case closed.', status: 'closed' },
    { type: 'follow-up-vendor', actor: system },
    { type: 'propose-resolution', actor: owner, summary: 'Connector fixed.' },
    { type: 'confirm-resolution', actor: requester },
    { type: 'reject-resolution', actor: requester, reason: 'Still failing.' },
    { type: 'send-resolution-reminder', actor: system },
    { type: 'self-close', actor: requester, solution: 'Fixed it ourselves.' },
    { type: 'auto-close', actor: system },
    { type: 'close-not-entitled', actor: system, explanation: 'On-premises without the add-on.' },
    { type: 'reopen', actor: requester, reason: 'It broke again.' },
    { type: 'handoff', actor: system, toEngineer: next, brief: minimalBrief(ticket) },
    { type: 'acknowledge-handoff', actor: owner },
    { type: 'raise-sla-alert', actor: system, alert: { kind: 'warning', metric: 'first-response', cycleId: 'cycle-1', key: `first-response:warning:${String(sequence % 3)}`, dueAt: ticket.updatedAt } },
    { type: 'raise-sla-alert', actor: system, alert: { kind: 'breach', metric: 'resolution', cycleId: 'cycle-1', key: 'resolution:breach', dueAt: ticket.updatedAt } },
  ];
}
