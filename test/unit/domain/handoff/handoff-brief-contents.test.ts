import { buildHandoffBrief, handoffNoteOnTimeline } from '../../../../shared/domain/handoff/build-handoff-brief';
import { receiveTicket } from '../../../../shared/domain/commands/receive-ticket';
import { IntakeSchema } from '../../../../shared/domain/intake/intake';
import { SlaClock } from '../../../../shared/domain/sla/sla-clock';
import { Ticket } from '../../../../shared/domain/ticket/ticket';
import { minimalBrief } from '../support/handoff-fixtures';
import { admin, applyAll, engineer, investigatingTicket, lead, lukas, maria, system, T0, tam } from '../support/ticket-fixtures';

const briefOf = (ticket: Ticket, sla: readonly SlaClock[] = []) => buildHandoffBrief({ ticket, sla, stallThreshold: 3 });
const handOff = (ticket: Ticket, to = lukas): Ticket => applyAll(ticket, [{ type: 'handoff', actor: system, toEngineer: to, brief: minimalBrief(ticket) }]);

describe('handoff brief contents', () => {
  it('gives the description alone as the problem of a ticket without a title, and nothing invented besides', () => {
    const chat = receiveTicket({
      ticketNumber: 'BTN-2026-000100',
      intake: IntakeSchema.parse({ channel: 'chat', requester: { name: 'Ken', email: 'ken@fabrikam.com' }, description: 'Outlook will not start.' }),
      accessTokenHash: 'sha256:00112233445566778899',
      receivedAt: T0,
    }).ticket;
    expect(briefOf(chat)).toMatchObject({ status: 'received', problemStatement: 'Outlook will not start.', whatWasTried: [], engineerNotes: [], answeredQuestions: [], openQuestions: [] });
    expect(briefOf(chat).lastCustomerUpdateAt).toBeUndefined();
    expect(briefOf(chat).nextStep).toBeUndefined();
  });

  it('puts the title above the description, and carries every piece of evidence the requester gave', () => {
    const evidence = {
      errorText: '451 4.4.0 DNS query failed',
      reproductionSteps: 'Send any message to an external address.',
      expectedBehaviour: 'The message is delivered.',
      actualBehaviour: 'The message stays in the queue.',
      attachmentsNote: 'Message trace attached.',
    };
    const ticket = investigatingTicket(evidence);
    expect(briefOf(ticket).problemStatement).toBe(`${ticket.title ?? ''}\n\n${ticket.description ?? ''}`);
    expect(briefOf(ticket).evidence).toEqual(evidence);
  });

  it('tells when the customer last heard from us: the latest update they can read, not an internal note', () => {
    const asked = applyAll(investigatingTicket(), [{ type: 'request-info', actor: engineer(maria), message: 'Which connector do you use?' }]);
    const noted = applyAll(asked, [{ type: 'internal-note', actor: engineer(maria), note: 'Waiting on the connector name.' }]);
    expect(briefOf(noted).lastCustomerUpdateAt).toBe(asked.updatedAt);
    expect(briefOf(noted).status).toBe('awaiting-customer');
  });

  it('shows a downgrade awaiting the requester by its severity and reason only', () => {
    const proposed = applyAll(investigatingTicket(), [{ type: 'change-severity', actor: tam, to: 'B', reason: 'Mail flows for most users again.' }]);
    expect(briefOf(proposed).pendingDowngrade).toEqual({ to: 'B', reason: 'Mail flows for most users again.' });
    expect(briefOf(investigatingTicket()).pendingDowngrade).toBeUndefined();
  });

  it('keeps the ten latest internal notes, newest last, each with its author’s name (or id when nameless)', () => {
    const notes = Array.from({ length: 12 }, (_, index) => ({ type: 'internal-note' as const, actor: index % 2 === 0 ? lead : admin, note: `Note ${String(index + 1)}` }));
    const brief = briefOf(applyAll(investigatingTicket(), notes));
    expect(brief.engineerNotes.map((note) => [note.note, note.author])).toEqual(
      Array.from({ length: 10 }, (_, index) => [`Note ${String(index + 3)}`, index % 2 === 0 ? 'Grace Okafor' : 'desk-admin']),
    );
    expect(brief.engineerNotes[0]?.at).toBe(applyAll(investigatingTicket(), notes.slice(0, 3)).updatedAt);
  });

  it('reports each SLA clock by its metric, state, due instant, minutes left and explanation', () => {
    const clock: SlaClock = {
      metric: 'next-update',
      state: 'running',
      severity: 'A',
      startedAt: T0,
      targetMinutes: 60,
      calendarId: 'always',
      pausedMinutes: 0,
      dueAt: '2026-11-23T15:00:00.000Z',
      warningAt: '2026-11-23T14:45:00.000Z',
      remainingMinutes: 20,
      cycleId: 'c1',
      explanation: 'Next update due by 15:00 UTC.',
    };
    expect(briefOf(investigatingTicket(), [clock]).sla).toEqual([
      { metric: 'next-update', state: 'running', dueAt: '2026-11-23T15:00:00.000Z', remainingMinutes: 20, explanation: 'Next update due by 15:00 UTC.' },
    ]);
  });

  it('counts this handoff among those without a customer update', () => {
    expect(briefOf(investigatingTicket()).handoffsWithoutCustomerUpdate).toBe(1);
    expect(briefOf(handOff(investigatingTicket())).handoffsWithoutCustomerUpdate).toBe(2);
  });
});

describe('the outgoing engineer’s handoff note', () => {
  const nextStep = { type: 'internal-note' as const, actor: engineer(maria), note: 'DNS still returns the old IP.', nextStep: 'Retry the queue once DNS has the new IP.' };

  it('is their latest note with a next step; a later note without one does not replace it', () => {
    const ticket = applyAll(investigatingTicket(), [nextStep, { type: 'internal-note', actor: engineer(maria), note: 'Customer is at lunch.' }]);
    expect(handoffNoteOnTimeline(ticket)).toEqual({ summary: 'DNS still returns the old IP.', nextStep: 'Retry the queue once DNS has the new IP.', tried: [] });
  });

  it('is never a note someone else wrote', () => {
    const ticket = applyAll(investigatingTicket(), [{ ...nextStep, actor: lead }]);
    expect(handoffNoteOnTimeline(ticket)).toBeUndefined();
  });

  it('forgets a note from an earlier turn of the same engineer on the ticket', () => {
    const backToMaria = handOff(handOff(applyAll(investigatingTicket(), [nextStep])), maria);
    expect(backToMaria.assignee).toEqual(maria);
    expect(handoffNoteOnTimeline(backToMaria)).toBeUndefined();
  });
});
