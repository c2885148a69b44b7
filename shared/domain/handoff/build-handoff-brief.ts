/**
 * Builds the brief for a follow-the-sun handoff from the outgoing engineer's note and the
 * timeline: the problem, its impact, what was tried, the evidence, the next step, the questions
 * the customer already answered, the SLA state and the vendor case.
 */
import { SlaClock } from '../sla/sla-clock';
import { Ticket } from '../ticket/ticket';
import { isCustomerVisibleUpdate } from '../timeline/customer-visible-update';
import { TimelineEventOf } from '../timeline/timeline-event';
import { EngineerNote, HandoffBrief, HandoffEvidence, HandoffNote, HandoffSlaLine } from './handoff-brief';
import { isHandoffStalled } from './handoff-stall';
import { questionsAndAnswers } from './questions-answered';

/** Enough recent notes to follow the thread; the full record stays on the timeline. */
const RECENT_NOTES = 10;

export interface HandoffBriefInput {
  ticket: Ticket;
  /** The SLA engine's clocks at handoff time. */
  sla: readonly SlaClock[];
  stallThreshold: number;
  /** The outgoing engineer's note; by default their latest internal note with a next step. */
  note?: HandoffNote;
}

export function buildHandoffBrief({ ticket, sla, stallThreshold, note }: HandoffBriefInput): HandoffBrief {
  const outgoing = note ?? handoffNoteOnTimeline(ticket);
  const { answered, open } = questionsAndAnswers(ticket.timeline);
  const handoffs = ticket.handoffsSinceCustomerUpdate + 1;
  const lastUpdate = [...ticket.timeline].reverse().find(isCustomerVisibleUpdate);
  return {
    ticketNumber: ticket.ticketNumber,
    status: ticket.status,
    severity: ticket.severity,
    scope: ticket.scope,
    company: ticket.company,
    productArea: ticket.productArea,
    businessImpact: ticket.businessImpact,
    problemStatement: ticket.title ? `${ticket.title}\n\n${ticket.description}` : ticket.description,
    whatWasTried: [...(ticket.whatWasTried ? [`Customer: ${ticket.whatWasTried}`] : []), ...(outgoing?.tried ?? [])],
    evidence: evidenceOf(ticket),
    outgoingNote: outgoing?.summary,
    nextStep: outgoing?.nextStep,
    lastCustomerUpdateAt: lastUpdate?.at,
    answeredQuestions: answered,
    openQuestions: open,
    engineerNotes: recentNotes(ticket),
    sla: sla.map(slaLineOf),
    vendorCase: ticket.vendorCase,
    pendingDowngrade: ticket.pendingDowngrade && { to: ticket.pendingDowngrade.to, reason: ticket.pendingDowngrade.reason },
    handoffsWithoutCustomerUpdate: handoffs,
    stalled: isHandoffStalled({ ...ticket, handoffsSinceCustomerUpdate: handoffs }, stallThreshold),
  };
}

/**
 * The current assignee's latest internal note with a next step, written since they took the ticket:
 * walking back from the latest event, the first assignment met is theirs.
 */
export function handoffNoteOnTimeline(ticket: Ticket): HandoffNote | undefined {
  const assigneeId = ticket.assignee?.engineerId;
  for (const event of [...ticket.timeline].reverse()) {
    if (event.type === 'engineer-assigned') return undefined;
    // Stryker disable next-line ConditionalExpression: only an internal note carries a next step, so its type check only narrows the type
    if (event.type === 'internal-note-added' && event.nextStep !== undefined && event.actor.id === assigneeId) {
      return { summary: event.note, nextStep: event.nextStep, tried: event.tried ?? [] };
    }
  }
  return undefined;
}

function evidenceOf(ticket: Ticket): HandoffEvidence {
  return {
    errorText: ticket.errorText,
    reproductionSteps: ticket.reproductionSteps,
    expectedBehaviour: ticket.expectedBehaviour,
    actualBehaviour: ticket.actualBehaviour,
    attachmentsNote: ticket.attachmentsNote,
  };
}

function recentNotes(ticket: Ticket): EngineerNote[] {
  return ticket.timeline
    .filter((event): event is TimelineEventOf<'internal-note-added'> => event.type === 'internal-note-added')
    .slice(-RECENT_NOTES)
    .map((event) => ({ at: event.at, note: event.note, author: event.actor.name ?? event.actor.id }));
}

function slaLineOf(clock: SlaClock): HandoffSlaLine {
  return { metric: clock.metric, state: clock.state, dueAt: clock.dueAt, remainingMinutes: clock.remainingMinutes, explanation: clock.explanation };
}
