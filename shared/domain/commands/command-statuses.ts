/**
 * In which statuses each command makes sense. Anything else is an `invalid-state` rejection, so
 * an illegal transition never reaches the timeline.
 */
import { isFinished, TicketStatus, TICKET_STATUSES, WORKING_STATUSES } from '../ticket/ticket-status';
import { CommandType } from './commands';

const OPEN: readonly TicketStatus[] = TICKET_STATUSES.filter((status) => !isFinished(status));
const AFTER_TRIAGE: readonly TicketStatus[] = ['triaged', ...WORKING_STATUSES];
const IN_PROGRESS: readonly TicketStatus[] = ['assigned', 'investigating', 'awaiting-customer', 'escalated-to-vendor', 'reopened'];

export const COMMAND_STATUSES: Readonly<Record<CommandType, readonly TicketStatus[]>> = {
  'start-validation': ['received'],
  reject: ['validating'],
  triage: ['validating'],
  assign: AFTER_TRIAGE,
  'report-no-engineer': ['triaged', ...IN_PROGRESS],
  acknowledge: ['assigned', 'reopened'],
  respond: WORKING_STATUSES,
  'request-info': IN_PROGRESS,
  'customer-reply': OPEN,
  'internal-note': TICKET_STATUSES,
  'escalate-internally': AFTER_TRIAGE,
  'change-severity': OPEN,
  'consent-to-downgrade': OPEN,
  'refuse-downgrade': OPEN,
  'escalate-to-vendor': ['assigned', 'investigating', 'awaiting-customer', 'reopened'],
  'record-vendor-case': IN_PROGRESS,
  'vendor-update': WORKING_STATUSES,
  'follow-up-vendor': WORKING_STATUSES,
  'propose-resolution': IN_PROGRESS,
  'confirm-resolution': ['resolution-proposed'],
  'reject-resolution': ['resolution-proposed'],
  'send-resolution-reminder': ['resolution-proposed'],
  'self-close': OPEN,
  'auto-close': ['resolution-proposed'],
  'close-not-entitled': AFTER_TRIAGE,
  reopen: ['closed'],
  handoff: WORKING_STATUSES,
  'acknowledge-handoff': WORKING_STATUSES,
  'raise-sla-alert': AFTER_TRIAGE,
  // Evidence is for open tickets; a closed one is reopened first (as the requester would).
  'attach-file': OPEN,
};
