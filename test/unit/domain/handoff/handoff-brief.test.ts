import { buildHandoffBrief, handoffNoteOnTimeline } from '../../../../shared/domain/handoff/build-handoff-brief';
import { HandoffBriefSchema } from '../../../../shared/domain/handoff/handoff-brief';
import { handoffStallEscalation, isHandoffStalled } from '../../../../shared/domain/handoff/handoff-stall';
import { questionsAndAnswers } from '../../../../shared/domain/handoff/questions-answered';
import { slaHistoryFromTimeline } from '../../../../shared/domain/sla/sla-history-from-timeline';
import { slaClocks } from '../../../../shared/domain/sla/sla-clocks';
import { SlaClock } from '../../../../shared/domain/sla/sla-clock';
import { Ticket } from '../../../../shared/domain/ticket/ticket';
import { Command } from '../../../../shared/domain/commands/commands';
import { teamLeadsFor } from '../../../../shared/domain/org/team-leads';
import { applyAll, assignedTicket, engineer, graceRef, investigatingTicket, lead, lukas, maria, priya, requester, system } from '../support/ticket-fixtures';
import { sampleOrg } from '../support/org-fixtures';

const org = sampleOrg();

function clocksOf(ticket: Ticket): SlaClock[] {
  const history = slaHistoryFromTimeline(ticket);
  const policy = org.slaPolicies[0];
  if (!history || !policy) {
    return [];
  }
  const result = slaClocks({ history, policy, calendars: org.calendars, now: ticket.updatedAt });
  return result.ok ? [...result.clocks] : [];
}

/** Hands the ticket to the next engineer with a brief built the way the orchestrator does. */
function handOff(ticket: Ticket, to = lukas): Ticket {
  const brief = buildHandoffBrief({ ticket, sla: clocksOf(ticket), stallThreshold: 3 });
  return applyAll(ticket, [{ type: 'handoff', actor: system, toEngineer: to, brief }]);
}

/**
 * Built afresh in each test: a fixture built once, outside the tests, would never show a fault
 * planted in the code that built it.
 */
function worked(): Ticket {
  return applyAll(investigatingTicket(), [
    { type: 'request-info', actor: engineer(maria), message: 'Which connector do outbound messages use?' },
    { type: 'customer-reply', actor: requester, message: 'The "Outbound to smart host" connector.' },
    { type: 'request-info', actor: engineer(maria), message: 'Did anything change in DNS this week?' },
    { type: 'request-info', actor: engineer(maria), message: 'Can you share a message trace for one stuck message?' },
    { type: 'customer-reply', actor: requester, message: 'Yes: the smart host moved to a new IP on Monday.' },
    { type: 'customer-reply', actor: requester, message: 'Trace attached as trace.csv.' },
    { type: 'request-info', actor: engineer(maria), message: 'Is the old IP still reachable from the hybrid server?' },
    {
      type: 'internal-note',
      actor: engineer(maria),
      note: 'DNS for the smart host still returns the old IP from Exchange Online; TTL was 24h.',
      nextStep: 'Confirm with the customer that the DNS record now resolves to the new IP, then retry the queue.',
      tried: ['Retried the queue', 'Re-validated the connector'],
    },
  ]);
}

function workedBrief() {
  const ticket = worked();
  return buildHandoffBrief({ ticket, sla: clocksOf(ticket), stallThreshold: 3 });
}

describe('handoff brief', () => {
  it('states the problem, its impact and the evidence as the requester gave them', () => {
    const brief = workedBrief();
    expect(brief.problemStatement).toContain('Outbound mail stuck in queue for all users');
    expect(brief.problemStatement).toContain('inbound mail still arrives');
    expect(brief.businessImpact).toMatch(/400 users/);
    expect(brief.evidence.errorText).toBe('451 4.4.0 DNS query failed');
    expect(brief).toMatchObject({ ticketNumber: 'BTN-2026-000042', severity: 'A', scope: 'cloud', productArea: 'exchange-online', company: 'Contoso Ltd' });
  });

  it('carries what was tried and the outgoing engineer’s next step', () => {
    const brief = workedBrief();
    expect(brief.whatWasTried).toEqual([
      'Customer: Checked connectors and the message trace; restarted the hybrid agent.',
      'Retried the queue',
      'Re-validated the connector',
    ]);
    expect(brief.nextStep).toMatch(/^Confirm with the customer/);
    expect(brief.outgoingNote).toMatch(/TTL was 24h/);
    expect(brief.engineerNotes).toHaveLength(1);
  });

  it('lists the questions the customer already answered, so the next engineer never re-asks', () => {
    const brief = workedBrief();
    expect(brief.answeredQuestions.map((pair) => [pair.question, pair.answer])).toEqual([
      ['Which connector do outbound messages use?', 'The "Outbound to smart host" connector.'],
      ['Did anything change in DNS this week?', 'Yes: the smart host moved to a new IP on Monday.\nTrace attached as trace.csv.'],
      ['Can you share a message trace for one stuck message?', 'Yes: the smart host moved to a new IP on Monday.\nTrace attached as trace.csv.'],
    ]);
    expect(brief.openQuestions.map((question) => question.question)).toEqual(['Is the old IP still reachable from the hybrid server?']);
  });

  it('includes the SLA clocks it was given, and is a valid brief', () => {
    const brief = workedBrief();
    expect(brief.sla.map((line) => line.metric)).toEqual(['first-response', 'next-update', 'resolution']);
    expect(HandoffBriefSchema.parse(brief)).toEqual(brief);
  });

  it('takes an explicit note over the timeline', () => {
    const explicit = buildHandoffBrief({ ticket: worked(), sla: [], stallThreshold: 3, note: { summary: 'Waiting on DNS.', nextStep: 'Call the customer at 09:00 their time.', tried: [] } });
    expect(explicit.nextStep).toBe('Call the customer at 09:00 their time.');
  });

  it('only uses the current engineer’s own handoff note', () => {
    const handed = handOff(worked());
    expect(handoffNoteOnTimeline(handed)).toBeUndefined();
    const withNote = applyAll(handed, [{ type: 'internal-note', actor: engineer(lukas), note: 'Asked Microsoft about DNS caching.', nextStep: 'Check the vendor reply.' }]);
    expect(handoffNoteOnTimeline(withNote)).toEqual({ summary: 'Asked Microsoft about DNS caching.', nextStep: 'Check the vendor reply.', tried: [] });
  });

  it('keeps the assignee\'s note with a next step when a later note of theirs has none', () => {
    const handed = handOff(worked());
    const withNotes = applyAll(handed, [
      { type: 'internal-note', actor: engineer(lukas), note: 'Asked Microsoft about DNS caching.', nextStep: 'Check the vendor reply.' },
      { type: 'internal-note', actor: engineer(lukas), note: 'No reply yet.' },
    ]);
    expect(handoffNoteOnTimeline(withNotes)).toEqual({ summary: 'Asked Microsoft about DNS caching.', nextStep: 'Check the vendor reply.', tried: [] });
  });

  it('does not hand an engineer back a note they wrote before the ticket last came to them', () => {
    const toLukas = handOff(worked());
    const mariaNotes = applyAll(toLukas, [{ type: 'internal-note', actor: engineer(maria), note: 'Left a voicemail for the customer.', nextStep: 'Call back at 09:00.' }]);
    const backToMaria = handOff(mariaNotes, maria);
    expect(backToMaria.assignee).toEqual(maria);
    expect(handoffNoteOnTimeline(backToMaria)).toBeUndefined();
  });

  it('records the handoff on the timeline with the brief, and tells the customer who owns the ticket now', () => {
    const handed = handOff(worked());
    expect(handed.assignee).toEqual(lukas);
    expect(handed.timeline.slice(-2)).toEqual([
      expect.objectContaining({ type: 'handed-off', fromEngineer: maria, toEngineer: lukas, fromRegion: 'AMER', toRegion: 'EMEA', visibility: 'internal' }),
      expect.objectContaining({ type: 'engineer-assigned', engineer: lukas, reason: 'handoff', visibility: 'customer' }),
    ]);
    const acknowledged = applyAll(handed, [{ type: 'acknowledge-handoff', actor: engineer(lukas) }]);
    expect(acknowledged.timeline.at(-1)?.type).toBe('handoff-acknowledged');
  });
});

describe('questions and answers', () => {
  const ask = (message: string): Command => ({ type: 'request-info', actor: engineer(maria), message });
  const reply = (message: string): Command => ({ type: 'customer-reply', actor: requester, message });
  /** The instant of the nth event of a type on the timeline (each command is one minute after the last). */
  function instantOf(ticket: Ticket, type: string, nth = 0): string {
    const event = ticket.timeline.filter((candidate) => candidate.type === type)[nth];
    if (!event) {
      throw new Error(`no ${type} number ${nth} on the timeline`);
    }
    return event.at;
  }

  it('ignores replies nobody asked for', () => {
    const chatty = applyAll(investigatingTicket(), [reply('Any news?')]);
    expect(questionsAndAnswers(chatty.timeline)).toEqual({ answered: [], open: [] });
  });

  it('keeps a question nobody has answered open, with when it was asked', () => {
    const asked = applyAll(investigatingTicket(), [ask('Which connector?')]);
    expect(questionsAndAnswers(asked.timeline)).toEqual({
      answered: [],
      open: [{ question: 'Which connector?', askedAt: instantOf(asked, 'info-requested') }],
    });
  });

  it('pairs a reply with the question before it, stating when each was asked and answered', () => {
    const ticket = applyAll(investigatingTicket(), [reply('Any news?'), ask('Which connector?'), reply('The smart host one.')]);
    expect(questionsAndAnswers(ticket.timeline)).toEqual({
      answered: [
        {
          question: 'Which connector?',
          askedAt: instantOf(ticket, 'info-requested'),
          answer: 'The smart host one.',
          answeredAt: instantOf(ticket, 'customer-replied', 1),
        },
      ],
      open: [],
    });
  });

  it('lets one reply answer every question still open, and later replies add to that answer', () => {
    const ticket = applyAll(investigatingTicket(), [ask('Which connector?'), ask('Any DNS change?'), reply('Smart host.'), reply('DNS moved on Monday.')]);
    const lastReplyAt = instantOf(ticket, 'customer-replied', 1);
    expect(questionsAndAnswers(ticket.timeline)).toEqual({
      answered: [
        { question: 'Which connector?', askedAt: instantOf(ticket, 'info-requested', 0), answer: 'Smart host.\nDNS moved on Monday.', answeredAt: lastReplyAt },
        { question: 'Any DNS change?', askedAt: instantOf(ticket, 'info-requested', 1), answer: 'Smart host.\nDNS moved on Monday.', answeredAt: lastReplyAt },
      ],
      open: [],
    });
  });

  it('does not add a reply to an earlier answer once a new question is asked: the reply answers the new one', () => {
    const ticket = applyAll(investigatingTicket(), [ask('Which connector?'), reply('Smart host.'), ask('Any DNS change?'), reply('DNS moved on Monday.'), reply('And the TTL is 24h.')]);
    const { answered, open } = questionsAndAnswers(ticket.timeline);
    expect(answered.map((pair) => [pair.question, pair.answer, pair.answeredAt])).toEqual([
      ['Which connector?', 'Smart host.', instantOf(ticket, 'customer-replied', 0)],
      ['Any DNS change?', 'DNS moved on Monday.\nAnd the TTL is 24h.', instantOf(ticket, 'customer-replied', 2)],
    ]);
    expect(open).toEqual([]);
  });

  it('keeps a question asked after the last reply open, and adds nothing of a later reply to answers that came before it', () => {
    const asked = applyAll(investigatingTicket(), [ask('Which connector?'), reply('Smart host.'), ask('Any DNS change?')]);
    expect(questionsAndAnswers(asked.timeline)).toEqual({
      answered: [{ question: 'Which connector?', askedAt: instantOf(asked, 'info-requested', 0), answer: 'Smart host.', answeredAt: instantOf(asked, 'customer-replied', 0) }],
      open: [{ question: 'Any DNS change?', askedAt: instantOf(asked, 'info-requested', 1) }],
    });
  });

  it('leaves other timeline events out of questions and answers', () => {
    const ticket = applyAll(investigatingTicket(), [
      ask('Which connector?'),
      { type: 'internal-note', actor: engineer(maria), note: 'Probably DNS.' },
      { type: 'respond', actor: engineer(maria), message: 'Still looking.' },
      reply('Smart host.'),
    ]);
    expect(questionsAndAnswers(ticket.timeline).answered.map((pair) => pair.answer)).toEqual(['Smart host.']);
  });
});

describe('handoff stall', () => {
  const threeHandoffs = (): Ticket => handOff(handOff(handOff(worked(), lukas), priya), maria);

  it('escalates to the team lead after three handoffs without a customer-visible update', () => {
    expect(threeHandoffs().handoffsSinceCustomerUpdate).toBe(3);
    expect(isHandoffStalled(threeHandoffs(), 3)).toBe(true);
    const command = handoffStallEscalation(threeHandoffs(), 3, graceRef);
    expect(command).toMatchObject({ type: 'escalate-internally', actor: { role: 'system' }, to: graceRef });
    expect(buildHandoffBrief({ ticket: handOff(worked(), lukas), sla: [], stallThreshold: 3 }).stalled).toBe(false);
    const third = handOff(handOff(worked(), lukas), priya);
    expect(buildHandoffBrief({ ticket: third, sla: [], stallThreshold: 3 })).toMatchObject({ handoffsWithoutCustomerUpdate: 3, stalled: true });
  });

  it('does not fire below the threshold', () => {
    expect(handoffStallEscalation(handOff(handOff(worked(), lukas), priya), 3, graceRef)).toBeUndefined();
  });

  it('escalates once per stall', () => {
    const command = handoffStallEscalation(threeHandoffs(), 3, graceRef);
    const escalated = command ? applyAll(threeHandoffs(), [command]) : threeHandoffs();
    expect(escalated.timeline.at(-1)?.type).toBe('escalated-internally');
    expect(handoffStallEscalation(handOff(escalated, lukas), 3, graceRef)).toBeUndefined();
  });

  it('escalates again when the ticket stalls again after a customer-visible update', () => {
    const command = handoffStallEscalation(threeHandoffs(), 3, graceRef);
    if (command === undefined) throw new Error('three handoffs without an update stall the ticket');
    const answered = applyAll(threeHandoffs(), [command, { type: 'respond', actor: engineer(maria), message: 'DNS is fixed on our side; please retry.' }]);
    const stalledAgain = handOff(handOff(handOff(answered, lukas), priya), maria);
    expect(handoffStallEscalation(stalledAgain, 3, graceRef)).toMatchObject({ type: 'escalate-internally', to: graceRef });
  });

  it('escalates a ticket handed off before anyone wrote to the customer', () => {
    const unanswered = handOff(handOff(handOff(assignedTicket(), lukas), priya), maria);
    expect(unanswered.timeline.some((event) => event.type === 'escalated-internally')).toBe(false);
    expect(handoffStallEscalation(unanswered, 3, graceRef)).toMatchObject({ type: 'escalate-internally', to: graceRef });
  });

  it('resets the count on any customer-visible update', () => {
    const updated = applyAll(threeHandoffs(), [{ type: 'respond', actor: engineer(maria), message: 'DNS is fixed on our side; please retry.' }]);
    expect(updated.handoffsSinceCustomerUpdate).toBe(0);
    expect(handoffStallEscalation(updated, 3, graceRef)).toBeUndefined();
    expect(applyAll(threeHandoffs(), [{ type: 'internal-note', actor: lead, note: 'Watching this one.' }]).handoffsSinceCustomerUpdate).toBe(3);
  });

  it('finds the team lead to call in: the queue’s lead, then the region’s', () => {
    expect(teamLeadsFor({ queueId: 'collaboration', assignee: maria }, org).map((leadRef) => leadRef.engineerId)).toEqual(['grace-okafor', 'daniel-brooks']);
    expect(teamLeadsFor({ queueId: 'collaboration', assignee: lukas }, org).map((leadRef) => leadRef.engineerId)).toEqual(['grace-okafor']);
  });
});
