/**
 * Recording SLA alerts once each: a timer that fires twice, or a retried activity, finds the key
 * already on the record and appends nothing.
 */
import { SlaAlert } from '../sla/sla-clock';
import { Actor } from '../ticket/actor';
import { Ticket } from '../ticket/ticket';
import { CommandOf } from './commands';
import { accepted, Verdict } from './decision';

/** The command that records an alert the SLA engine found due (see `dueSlaAlerts`). */
export function slaAlertCommand(alert: SlaAlert, actor: Actor): CommandOf<'raise-sla-alert'> {
  return { type: 'raise-sla-alert', actor, kind: alert.kind, metric: alert.metric, cycleId: alert.cycleId, key: alert.key, dueAt: alert.at, explanation: alert.explanation };
}

export function decideSlaAlert(ticket: Ticket, command: CommandOf<'raise-sla-alert'>): Verdict {
  if (ticket.raisedAlertKeys.includes(command.key)) {
    return accepted();
  }
  const explanation = command.explanation === undefined ? {} : { explanation: command.explanation };
  const alert = { metric: command.metric, cycleId: command.cycleId, key: command.key, dueAt: command.dueAt, ...explanation };
  return accepted(command.kind === 'warning' ? { type: 'sla-warning-raised', ...alert } : { type: 'sla-breached', ...alert });
}
