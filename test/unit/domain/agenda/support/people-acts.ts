/**
 * Random lifecycles for the agenda's property tests: what people do between two looks at the
 * agenda, and the commands Baton itself issues for an agenda item, the vendor's answer included.
 */
import { agendaCommands } from '../../../../../shared/domain/agenda/agenda-commands';
import type { AgendaItem } from '../../../../../shared/domain/agenda/agenda-item';
import type { Command } from '../../../../../shared/domain/commands/commands';
import type { Ticket } from '../../../../../shared/domain/ticket/ticket';
import { engineer, requester, system, vendor } from '../../support/ticket-fixtures';

export const PEOPLE_ACTS = ['nothing', 'acknowledge', 'respond', 'request-info', 'customer-reply', 'note', 'escalate', 'vendor-on-premises', 'propose', 'reject', 'confirm', 'reopen'] as const;
export type PersonAct = (typeof PEOPLE_ACTS)[number];

/** The command a person's act stands for; undefined when it needs an assignee and there is none. */
export function personCommand(ticket: Ticket, act: PersonAct): Command | undefined {
  const assignee = ticket.assignee === undefined ? undefined : engineer(ticket.assignee);
  switch (act) {
    case 'nothing':
      return undefined;
    case 'acknowledge':
      return assignee && { type: 'acknowledge', actor: assignee, message: 'I have your ticket.' };
    case 'respond':
      return assignee && { type: 'respond', actor: assignee, message: 'Still investigating.' };
    case 'request-info':
      return assignee && { type: 'request-info', actor: assignee, message: 'Please send the logs.' };
    case 'customer-reply':
      return { type: 'customer-reply', actor: requester, message: 'Here they are.' };
    case 'note':
      return assignee && { type: 'internal-note', actor: assignee, note: 'Looked at the trace.', nextStep: 'Compare with the tenant config.' };
    case 'escalate':
      return assignee && { type: 'escalate-to-vendor', actor: assignee, justification: 'Backend logs are needed.' };
    case 'vendor-on-premises':
      return { type: 'vendor-update', actor: vendor, note: 'The fault is on-premises.', status: 'investigating', scope: 'on-premises' };
    case 'propose':
      return assignee && { type: 'propose-resolution', actor: assignee, summary: 'Fixed the connector.' };
    case 'reject':
      return { type: 'reject-resolution', actor: requester, reason: 'Still broken here.' };
    case 'confirm':
      return { type: 'confirm-resolution', actor: requester };
    case 'reopen':
      return { type: 'reopen', actor: requester, reason: 'It broke again.' };
  }
}

/** The commands Baton issues for an item, the vendor's answer to a new case included. */
export function batonCommands(item: AgendaItem, ticket: Ticket): Command[] {
  if (item.kind === 'raise-vendor-case') return [{ type: 'record-vendor-case', actor: system, outcome: { status: 'opened', caseId: `SR-${String(ticket.timeline.length)}` } }];
  if (item.kind === 'vendor-follow-up') return [{ type: 'follow-up-vendor', actor: system }];
  return agendaCommands(item);
}
