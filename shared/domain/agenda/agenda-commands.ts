/**
 * The system commands an agenda item stands for, given to `decide` like any other command. Raising
 * and chasing the vendor case need the vendor's answer first, and the end of the lifecycle changes
 * nothing on the ticket, so those have none.
 */
import type { Command } from '../commands/commands';
import { SYSTEM_ACTOR } from '../ticket/actor';
import type { Actor } from '../ticket/actor';
import type { AgendaItem, ValidationVerdict } from './agenda-item';

export function agendaCommands(item: AgendaItem): Command[] {
  const actor = SYSTEM_ACTOR;
  switch (item.kind) {
    case 'validate':
      return [...(item.startsValidation ? [{ type: 'start-validation' as const, actor }] : []), ...verdictCommands(item.verdict, actor)];
    case 'assign':
      return [{ type: 'assign', actor, engineer: item.engineer }];
    case 'no-engineer':
      return [
        { type: 'report-no-engineer', actor, queueId: item.queueId, reason: item.reason },
        ...(item.lead === undefined ? [] : [{ type: 'escalate-internally' as const, actor, reason: item.reason, to: item.lead }]),
      ];
    case 'sla-alert':
      return [{ type: 'raise-sla-alert', actor, alert: item.alert }];
    case 'handoff':
      return [{ type: 'handoff', actor, toEngineer: item.to, brief: item.brief }];
    case 'stall-escalation':
      return [{ type: 'escalate-internally', actor, reason: item.reason, to: item.lead }];
    case 'resolution-reminder':
      return [{ type: 'send-resolution-reminder', actor }];
    case 'auto-close':
      return [{ type: 'auto-close', actor }];
    case 'not-entitled':
      return [{ type: 'close-not-entitled', actor, explanation: item.explanation }];
    case 'raise-vendor-case':
    case 'vendor-follow-up':
    case 'lifecycle-ends':
      return [];
  }
}

function verdictCommands(verdict: ValidationVerdict, actor: Actor): Command[] {
  if (verdict.outcome === 'rejected') return [{ type: 'reject', actor, reasons: verdict.reasons }];
  const proposal = verdict.severityProposal;
  return [{ type: 'triage', actor, ...verdict.triage }, ...(proposal === undefined ? [] : [{ type: 'change-severity' as const, actor, ...proposal }])];
}
