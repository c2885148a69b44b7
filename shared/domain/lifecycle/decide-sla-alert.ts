/**
 * Recording SLA alerts once each: a timer that fires twice, or a retried activity, finds the key
 * already on the record and appends nothing.
 */
import { Ticket } from '../ticket/ticket';
import { CommandOf } from './commands';
import { accepted, Verdict } from './decision';

export function decideSlaAlert(ticket: Ticket, command: CommandOf<'raise-sla-alert'>): Verdict {
  if (ticket.raisedAlertKeys.includes(command.key)) {
    return accepted();
  }
  const alert = { metric: command.metric, cycleId: command.cycleId, key: command.key, dueAt: command.dueAt };
  return accepted(command.level === 'warning' ? { type: 'sla-warning-raised', ...alert } : { type: 'sla-breached', ...alert });
}
