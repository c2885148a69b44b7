import { decide } from '../../../../shared/domain/commands/decide';
import { handoffStallEscalation } from '../../../../shared/domain/handoff/handoff-stall';
import { Ticket } from '../../../../shared/domain/ticket/ticket';
import { minimalBrief } from '../support/handoff-fixtures';
import { applyAll, context, engineer, graceRef, investigatingTicket, lukas, maria, priya, system, triagedTicket } from '../support/ticket-fixtures';

const handOff = (ticket: Ticket, to = lukas): Ticket => applyAll(ticket, [{ type: 'handoff', actor: system, toEngineer: to, brief: minimalBrief(ticket) }]);
const rejectionOf = (ticket: Ticket, command: Parameters<typeof decide>[1]) => {
  const decision = decide(ticket, command, ticket.updatedAt, context);
  return decision.ok ? undefined : decision.rejection;
};

describe('a follow-the-sun handoff', () => {
  const ticket = investigatingTicket();

  it('says why it cannot happen, in words the desk reads', () => {
    const triaged = triagedTicket();
    expect(rejectionOf(triaged, { type: 'handoff', actor: system, toEngineer: lukas, brief: minimalBrief(triaged) })).toEqual({
      code: 'invalid-state',
      message: 'cannot handoff while the ticket is triaged',
    });
    expect(rejectionOf(ticket, { type: 'handoff', actor: system, toEngineer: maria, brief: minimalBrief(ticket) })).toEqual({
      code: 'invalid-command',
      message: 'a handoff goes to another engineer',
    });
    expect(rejectionOf(ticket, { type: 'handoff', actor: system, toEngineer: lukas, brief: { ...minimalBrief(ticket), ticketNumber: 'BTN-2026-000001' } })).toEqual({
      code: 'invalid-command',
      message: 'the brief describes another ticket',
    });
  });

  it('is acknowledged once by the engineer who received it', () => {
    expect(rejectionOf(ticket, { type: 'acknowledge-handoff', actor: engineer(maria) })).toEqual({ code: 'invalid-state', message: 'no handoff awaits acknowledgement' });
    const acknowledged = applyAll(handOff(ticket), [{ type: 'acknowledge-handoff', actor: engineer(lukas) }]);
    expect(rejectionOf(acknowledged, { type: 'acknowledge-handoff', actor: engineer(lukas) })).toMatchObject({ code: 'invalid-state' });
  });
});

describe('the stall escalation', () => {
  const stalled = handOff(handOff(handOff(investigatingTicket(), lukas), priya), maria);

  it('tells the team lead how many handoffs went by without news for the customer', () => {
    expect(handoffStallEscalation(stalled, 3, graceRef)?.reason).toBe(
      "3 handoffs without a customer-visible update: the ticket needs a team lead's attention, not another handoff.",
    );
  });

  it('fires again for a new stall after the customer heard from us', () => {
    const command = handoffStallEscalation(stalled, 3, graceRef);
    const escalated = command === undefined ? stalled : applyAll(stalled, [command]);
    const updated = applyAll(escalated, [{ type: 'respond', actor: engineer(maria), message: 'We are testing a fix for the connector.' }]);
    const stalledAgain = handOff(handOff(handOff(updated, lukas), priya), maria);
    expect(handoffStallEscalation(stalledAgain, 3, graceRef)).toMatchObject({ type: 'escalate-internally', to: graceRef });
  });
});
