/**
 * Recording SLA alerts once each: a timer that fires twice, or a retried activity, finds the key
 * already on the record and appends nothing.
 */
import { Ticket } from '../ticket/ticket';
import { CommandOf } from './commands';
import { accepted, Verdict } from './decision';

export function decideSlaAlert(ticket: Ticket, { alert }: CommandOf<'raise-sla-alert'>): Verdict {
  if (ticket.raisedAlertKeys.includes(alert.key)) {
    return accepted();
  }
  const { kind, ...payload } = alert;
  return accepted({ type: kind === 'warning' ? 'sla-warning-raised' : 'sla-breached', ...payload });
}
