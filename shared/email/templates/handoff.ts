/**
 * To the incoming engineer at a follow-the-sun handoff: who hands over from which region to which
 * (as the shifts follow each other, APAC → EMEA → AMER in the sample), and the structured brief, so
 * nothing is asked twice.
 */
import type { HandoffBrief } from '../../domain/handoff/handoff-brief';
import { readableInstant, signature, staffLink, statusInWords, ticketSubject } from './common-parts';
import type { EmailBlock, EmailDocument } from './email-document';
import { eventOfType, type NotificationModel } from './notification-model';

function briefBlocks(brief: HandoffBrief): EmailBlock[] {
  const section = (title: string, items: readonly string[]): EmailBlock[] =>
    items.length === 0 ? [] : [{ kind: 'heading', text: title }, { kind: 'list', items }];
  return [
    { kind: 'heading', text: 'Problem' },
    { kind: 'quote', text: brief.problemStatement },
    ...(brief.businessImpact === undefined ? [] : [{ kind: 'facts' as const, rows: [['Business impact', brief.businessImpact] as const] }]),
    ...(brief.nextStep === undefined ? [] : [{ kind: 'heading' as const, text: 'Next step' }, { kind: 'quote' as const, text: brief.nextStep }]),
    ...(brief.outgoingNote === undefined ? [] : [{ kind: 'heading' as const, text: 'Outgoing engineer’s note' }, { kind: 'quote' as const, text: brief.outgoingNote }]),
    ...section('Already tried', brief.whatWasTried),
    ...section('Open questions to the customer', brief.openQuestions.map((question) => `${question.question} (asked ${readableInstant(question.askedAt)})`)),
    ...section('Answered by the customer (do not ask again)', brief.answeredQuestions.map((answered) => `${answered.question} → ${answered.answer}`)),
    ...section('SLA', brief.sla.map((line) => `${line.metric}: ${line.state}${line.dueAt === undefined ? '' : `, due ${readableInstant(line.dueAt)}`} (${line.remainingMinutes} min left)`)),
    ...section('Recent notes', brief.engineerNotes.map((note) => `${readableInstant(note.at)}${note.author === undefined ? '' : ` ${note.author}`}: ${note.note}`)),
    ...(brief.vendorCase === undefined ? [] : [{ kind: 'facts' as const, rows: [['Vendor case', `${brief.vendorCase.caseId} (${brief.vendorCase.status})`] as const] }]),
    ...(brief.stalled ? [{ kind: 'paragraph' as const, text: `This ticket has changed hands ${brief.handoffsWithoutCustomerUpdate} times without the customer hearing from us: the team lead has been called in.` }] : []),
  ];
}

export function handoffEmail(model: NotificationModel): EmailDocument {
  const { ticket } = model;
  const handoff = eventOfType(model.event, 'handed-off');
  const handedOver = handoff === undefined ? 'The previous engineer has handed' : `${handoff.fromEngineer.name} (${handoff.fromRegion}) has handed`;
  const shiftEnd = handoff === undefined ? 'their shift' : `${handoff.fromRegion}’s shift, as the ticket follows the sun from ${handoff.fromRegion} to ${handoff.toRegion}`;
  const route: [string, string][] =
    handoff === undefined ? [] : [['From', `${handoff.fromEngineer.name} (${handoff.fromRegion})`], ['To', `${handoff.toEngineer.name} (${handoff.toRegion})`]];
  return {
    subject: ticketSubject(ticket, `Handed over to you (${ticket.severity === undefined ? 'no severity' : `Sev ${ticket.severity}`})`),
    blocks: [
      { kind: 'paragraph', text: `Hello${model.recipient.name === undefined ? '' : ` ${model.recipient.name}`},` },
      { kind: 'paragraph', text: `${handedOver} ticket ${ticket.ticketNumber} over to you at the end of ${shiftEnd}. Please acknowledge the handoff.` },
      { kind: 'facts', rows: [['Ticket', ticket.ticketNumber], ['Company', ticket.company ?? 'unknown'], ['Status', statusInWords(ticket.status, model.recipient.role)], ...route] },
      ...(handoff === undefined ? [] : briefBlocks(handoff.brief)),
      staffLink(model),
    ],
    signature: signature(model),
  };
}
