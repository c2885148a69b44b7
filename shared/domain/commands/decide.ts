/**
 * The lifecycle's decision function: given a ticket, a command and the time, which events to
 * append, or why not. Pure: the HTTP edge and the orchestrator append the events and evolve.
 */
import { Instant } from '../primitives';
import { decideDowngradeAnswer, decideSeverityChange } from '../severity/decide-severity';
import { Ticket } from '../ticket/ticket';
import { COMMAND_STATUSES } from './command-statuses';
import { Command } from './commands';
import { DecisionContext } from './decision-context';
import { accepted, Decision, rejected, stampEvents, Verdict } from './decision';
import { decideAcknowledge, decideInternalNote } from './decide-conversation';
import { decideHandoff, decideHandoffAcknowledgement } from '../handoff/decide-handoff';
import { decideAssignment, decideTriage } from './decide-intake';
import { decideAutoClose, decideReopen, decideResolutionReminder } from './decide-resolution';
import { decideSlaAlert } from './decide-sla-alert';
import { decideAttachment } from './decide-attachment';
import { decideVendorCaseRecord, decideVendorEscalation, decideVendorFollowUp, decideVendorUpdate } from './decide-vendor';
import { permissionProblem } from './permission';

export function decide(ticket: Ticket, command: Command, now: Instant, context: DecisionContext): Decision {
  const forbidden = permissionProblem(ticket, command);
  if (forbidden) {
    return { ok: false, rejection: forbidden };
  }
  if (!COMMAND_STATUSES[command.type].includes(ticket.status)) {
    return rejected('invalid-state', `cannot ${command.type.replace(/-/g, ' ')} while the ticket is ${ticket.status}`);
  }
  const verdict = verdictFor(ticket, command, now, context);
  return verdict.ok ? { ok: true, events: stampEvents(ticket, verdict.drafts, now, command.actor) } : verdict;
}

function verdictFor(ticket: Ticket, command: Command, now: Instant, context: DecisionContext): Verdict {
  switch (command.type) {
    case 'start-validation':
      return accepted({ type: 'validation-started' });
    case 'reject':
      return accepted({ type: 'ticket-rejected', reasons: command.reasons });
    case 'triage':
      return decideTriage(command);
    case 'assign':
      return decideAssignment(ticket, command);
    case 'report-no-engineer':
      return accepted({ type: 'no-engineer-available', queueId: command.queueId, reason: command.reason });
    case 'acknowledge':
      return decideAcknowledge(ticket, command);
    case 'respond':
      return accepted({ type: 'agent-responded', message: command.message });
    case 'request-info':
      return accepted({ type: 'info-requested', message: command.message });
    case 'customer-reply':
      return accepted({ type: 'customer-replied', message: command.message });
    case 'internal-note':
      return decideInternalNote(command);
    case 'escalate-internally':
      return accepted({ type: 'escalated-internally', reason: command.reason, to: command.to });
    case 'change-severity':
      return decideSeverityChange(ticket, command);
    case 'consent-to-downgrade':
    case 'refuse-downgrade':
      return decideDowngradeAnswer(ticket, command);
    case 'escalate-to-vendor':
      return decideVendorEscalation(ticket, command);
    case 'record-vendor-case':
      return decideVendorCaseRecord(ticket, command);
    case 'vendor-update':
      return decideVendorUpdate(ticket, command);
    case 'follow-up-vendor':
      return decideVendorFollowUp(ticket, command);
    case 'propose-resolution':
      return accepted({ type: 'resolution-proposed', summary: command.summary });
    case 'confirm-resolution':
      return accepted({ type: 'resolution-confirmed' });
    case 'reject-resolution':
      return accepted({ type: 'resolution-rejected', reason: command.reason });
    case 'send-resolution-reminder':
      return decideResolutionReminder(ticket, now, context);
    case 'self-close':
      return accepted({ type: 'self-closed', solution: command.solution });
    case 'auto-close':
      return decideAutoClose(ticket, now, context);
    case 'close-not-entitled':
      return accepted({ type: 'closed-not-entitled', explanation: command.explanation });
    case 'reopen':
      return decideReopen(ticket, command.reason, now, context);
    case 'handoff':
      return decideHandoff(ticket, command);
    case 'acknowledge-handoff':
      return decideHandoffAcknowledgement(ticket);
    case 'raise-sla-alert':
      return decideSlaAlert(ticket, command);
    case 'attach-file':
      return decideAttachment(ticket, command);
  }
}
