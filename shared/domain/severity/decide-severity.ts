/**
 * Severity integrity: engineers, team leads and TAMs raise with a reason and it takes effect; a
 * downgrade, whoever asks (a TAM watching their metrics included), is only a proposal until the
 * requester consents. The requester may refuse, and every step is on the customer's timeline.
 */
import { CommandOf } from '../commands/commands';
import { accepted, rejected, Verdict } from '../commands/decision';
import { Ticket } from '../ticket/ticket';
import { requiresTwentyFourSeven } from './availability-rule';
import { isRaise } from './severity-order';

export function decideSeverityChange(ticket: Ticket, command: CommandOf<'change-severity'>): Verdict {
  const from = ticket.severity;
  if (from === undefined) {
    return rejected('invalid-state', 'the ticket has no severity yet');
  }
  if (command.to === from) {
    return rejected('invalid-command', `the ticket is already Severity ${from}`);
  }
  if (isRaise(from, command.to)) {
    if (command.actor.role === 'system') {
      return rejected('forbidden', 'Baton only proposes downgrades; raising a severity needs a person with a reason');
    }
    if (requiresTwentyFourSeven(command.to) && ticket.requester.available24x7 !== true) {
      return rejected('invalid-command', 'Severity A needs the requester available 24x7, which they have not committed to');
    }
    return accepted({ type: 'severity-raised', from, to: command.to, reason: command.reason });
  }
  if (ticket.pendingDowngrade) {
    return rejected('invalid-state', `a downgrade to Severity ${ticket.pendingDowngrade.to} already awaits the requester's answer`);
  }
  return accepted({ type: 'severity-downgrade-proposed', from, to: command.to, reason: command.reason });
}

export function decideDowngradeAnswer(ticket: Ticket, command: CommandOf<'consent-to-downgrade'> | CommandOf<'refuse-downgrade'>): Verdict {
  const pending = ticket.pendingDowngrade;
  if (pending === undefined) {
    return rejected('invalid-state', 'no severity downgrade awaits an answer');
  }
  const from = ticket.severity;
  // Stryker disable next-line ConditionalExpression,StringLiteral: unreachable, a downgrade is only proposed from a severity (above); the check narrows the type
  if (from === undefined) return rejected('invalid-state', 'the ticket has no severity to lower');
  const type = command.type === 'consent-to-downgrade' ? 'severity-downgrade-consented' : 'severity-downgrade-refused';
  return accepted({ type, from, to: pending.to });
}
