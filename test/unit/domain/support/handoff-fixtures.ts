/**
 * A minimal, well-formed handoff brief for specifications that only need the handoff to happen.
 */
import { HandoffBrief } from '../../../../shared/domain/handoff/handoff-brief';
import { Ticket } from '../../../../shared/domain/ticket/ticket';

export function minimalBrief(ticket: Ticket): HandoffBrief {
  return {
    ticketNumber: ticket.ticketNumber,
    status: ticket.status,
    problemStatement: ticket.title ?? ticket.description,
    whatWasTried: [],
    evidence: {},
    answeredQuestions: [],
    openQuestions: [],
    engineerNotes: [],
    sla: [],
    handoffsWithoutCustomerUpdate: ticket.handoffsSinceCustomerUpdate + 1,
    stalled: false,
  };
}
