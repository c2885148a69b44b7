import { buildHandoffBrief } from '../../../../shared/domain/handoff/build-handoff-brief';
import type { Ticket } from '../../../../shared/domain/ticket/ticket';
import { ticketSlaClocks } from '../../../../shared/http-api/ticket-sla-clocks';
import { staffTicketPageModel, type StaffTicketPageModel } from '../../../../shared/web/staff/ticket/staff-ticket-model';
import type { StaffPrincipal } from '../../../../shared/auth/staff-token';
import { applyCommands, assignedTicket, engineerActor, LUKAS, MARIA, requesterOf, SYSTEM } from '../../http-api/support/ticket-story';
import { org, rosterPrincipal, TAM } from './support/console-ticket-story';

const NOW = '2026-11-24T14:00:00.000Z';
const maria = rosterPrincipal('maria-garcia');
const ticket = assignedTicket({ ticketNumber: 'BTN-261124-C0NS1', accessTokenHash: 'a'.repeat(64), receivedAt: '2026-11-24T13:00:00.000Z' });

function modelFor(principal: StaffPrincipal, shown: Ticket = ticket, now = NOW): StaffTicketPageModel {
  return staffTicketPageModel({ ticket: shown, org, clocks: ticketSlaClocks(shown, org, now), principal, now });
}

function offered(model: StaffTicketPageModel): string[] {
  return model.forms.map((form) => form.name);
}

describe('the SLA clocks on the console ticket page', () => {
  it('shows each due instant in the viewer’s region’s time zone with the engine’s explanation', () => {
    const forMaria = modelFor(maria);
    const forLukas = modelFor(rosterPrincipal('lukas-weber'));
    const firstResponse = forMaria.clocks.find((clock) => clock.metric === 'first-response');
    const lukasFirstResponse = forLukas.clocks.find((clock) => clock.metric === 'first-response');
    expect(forMaria.zone).toBe('America/New_York');
    expect(forLukas.zone).toBe('Europe/London');
    expect(firstResponse?.state).toBe('running');
    expect(firstResponse?.dueText).toMatch(/E[SD]T$/);
    expect(lukasFirstResponse?.dueText).toMatch(/GMT|UTC/);
    expect(firstResponse?.dueAt).toBe(lukasFirstResponse?.dueAt);
    expect(firstResponse?.explanation).toMatch(/^First response \(Sev B\): target \d+ .*calendar/);
  });

  it('words the instants in each clock’s explanation as the page words the due instant, in the viewer’s zone', () => {
    const firstResponse = modelFor(maria).clocks.find((clock) => clock.metric === 'first-response');
    if (firstResponse?.dueText === undefined) throw new Error('the first response clock is running');
    expect(firstResponse.explanation).toContain(`due ${firstResponse.dueText}`);
    expect(firstResponse.explanation).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });

  it('words the instants of a recorded SLA alert’s explanation in the viewer’s zone too', () => {
    const clock = ticketSlaClocks(ticket, org, NOW).find((candidate) => candidate.metric === 'first-response');
    const dueAt = clock?.dueAt ?? '';
    const alerted = applyCommands(ticket, [
      { type: 'raise-sla-alert', actor: SYSTEM, alert: { kind: 'breach', metric: 'first-response', cycleId: clock?.cycleId ?? 'c', key: `first-response:${clock?.cycleId ?? 'c'}:breach`, dueAt, explanation: `SLA breached. ${clock?.explanation ?? ''}` } },
    ]);
    const breach = modelFor(maria, alerted, new Date(Date.parse(dueAt) + 60_000).toISOString()).timeline.find((item) => item.type === 'sla-breached');
    const why = breach?.lines.find((line) => line.label === 'Why')?.value ?? '';
    expect(why).toContain('due Tue 24 Nov 2026, ');
    expect(why).toMatch(/E[SD]T/);
    expect(why).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });

  it('calls a running clock past its warning instant a warning, as the console’s lists do', () => {
    const warningAt = ticketSlaClocks(ticket, org, NOW).find((clock) => clock.metric === 'first-response')?.warningAt ?? '';
    const later = new Date(Date.parse(warningAt) + 60_000).toISOString();
    const firstResponse = modelFor(maria, ticket, later).clocks.find((clock) => clock.metric === 'first-response');
    expect(firstResponse).toMatchObject({ state: 'warning', stateLabel: 'Warning' });
  });

  it('shows people off the roster, such as a TAM, times in UTC', () => {
    expect(modelFor(TAM).zone).toBe('UTC');
  });

  it('says a clock is paused, and why, while the customer is asked for information', () => {
    const asked = applyCommands(ticket, [
      { type: 'acknowledge', actor: engineerActor(MARIA), message: 'Looking into it' },
      { type: 'request-info', actor: engineerActor(MARIA), message: 'Which policy blocks them?' },
    ]);
    const paused = modelFor(maria, asked, '2026-11-24T15:00:00.000Z').clocks.filter((clock) => clock.state === 'paused');
    expect(paused.length).toBeGreaterThan(0);
    expect(paused[0]?.stateLabel).toBe('Paused (waiting on the customer)');
  });
});

describe('the commands the console offers', () => {
  it('offers the assigned engineer the conversation, the vendor and the resolution, but not assignment', () => {
    expect(offered(modelFor(maria))).toEqual([
      'acknowledge',
      'respond',
      'request-info',
      'internal-note',
      'handoff-note',
      'change-severity',
      'escalate-internally',
      'escalate-to-vendor',
      'propose-resolution',
      'close-not-entitled',
    ]);
  });

  it('offers another engineer only what needs no assignment: notes, severity and internal escalation', () => {
    expect(offered(modelFor(rosterPrincipal('lukas-weber')))).toEqual(['internal-note', 'handoff-note', 'change-severity', 'escalate-internally']);
  });

  it('offers a team lead assignment to every engineer but the one already assigned', () => {
    const model = modelFor(rosterPrincipal('grace-okafor'));
    expect(offered(model)).toContain('assign');
    const engineers = model.forms.find((form) => form.name === 'assign')?.choices.engineerId?.map((choice) => choice.value);
    expect(engineers).toHaveLength(org.roster.engineers.length - 1);
    expect(engineers).not.toContain('maria-garcia');
  });

  it('offers a TAM notes, severity changes and internal escalation, and nothing that talks to the customer', () => {
    expect(offered(modelFor(TAM))).toEqual(['internal-note', 'handoff-note', 'change-severity', 'escalate-internally']);
  });

  it('offers only the severities the domain would take: not the current one, and not A for a requester not available 24x7', () => {
    const choices = modelFor(maria).forms.find((form) => form.name === 'change-severity')?.choices.to?.map((choice) => choice.value);
    expect(choices).toEqual(['C']);
  });

  it('offers nothing but notes once the ticket is closed', () => {
    const closed = applyCommands(ticket, [{ type: 'close-not-entitled', actor: engineerActor(MARIA), explanation: 'Not covered' }]);
    expect(offered(modelFor(maria, closed))).toEqual(['internal-note', 'handoff-note']);
  });
});

describe('the timeline on the console ticket page', () => {
  it('holds every entry, internal notes included, newest first, with what the customer sees marked', () => {
    const noted = applyCommands(ticket, [
      { type: 'internal-note', actor: engineerActor(MARIA), note: 'Customer admin reset by phone' },
      { type: 'respond', actor: engineerActor(MARIA), message: 'We are checking the policy' },
    ]);
    const timeline = modelFor(maria, noted).timeline;
    expect(timeline).toHaveLength(noted.timeline.length);
    expect(timeline[0]).toMatchObject({ type: 'agent-responded', customerVisible: true, text: 'We are checking the policy', by: 'María García (engineer)' });
    expect(timeline[1]).toMatchObject({ type: 'internal-note-added', customerVisible: false, text: 'Customer admin reset by phone' });
    expect(timeline.find((item) => item.type === 'ticket-triaged')?.customerVisible).toBe(false);
  });
});

describe('the handoff brief on the console ticket page', () => {
  const worked = applyCommands(ticket, [
    { type: 'acknowledge', actor: engineerActor(MARIA), message: 'Looking into it' },
    { type: 'request-info', actor: engineerActor(MARIA), message: 'Which policy blocks them?' },
    { type: 'customer-reply', actor: requesterOf(ticket), message: 'The one named Finance-MFA' },
    { type: 'internal-note', actor: engineerActor(MARIA), note: 'Compared Finance-MFA with the baseline', nextStep: 'Exclude the break-glass account', tried: ['Sign-in logs'] },
  ]);
  const brief = buildHandoffBrief({ ticket: worked, sla: ticketSlaClocks(worked, org, NOW), stallThreshold: 3 });
  const handedOff = applyCommands(worked, [{ type: 'handoff', actor: SYSTEM, toEngineer: LUKAS, brief }]);

  it('shows what was tried, the next step and the questions already answered', () => {
    const handoff = modelFor(rosterPrincipal('lukas-weber'), handedOff).handoff;
    expect(handoff).toMatchObject({ nextStep: 'Exclude the break-glass account', awaitingAcknowledgement: true, stalled: false });
    expect(handoff?.tried).toContain('Sign-in logs');
    expect(handoff?.answeredQuestions).toEqual([expect.objectContaining({ question: 'Which policy blocks them?', answer: 'The one named Finance-MFA' })]);
  });

  it('offers the acknowledgement to the incoming engineer only, and no longer once given', () => {
    expect(offered(modelFor(rosterPrincipal('lukas-weber'), handedOff))).toContain('acknowledge-handoff');
    expect(offered(modelFor(maria, handedOff))).not.toContain('acknowledge-handoff');
    const acknowledged = applyCommands(handedOff, [{ type: 'acknowledge-handoff', actor: engineerActor(LUKAS) }]);
    const model = modelFor(rosterPrincipal('lukas-weber'), acknowledged);
    expect(model.handoff?.awaitingAcknowledgement).toBe(false);
    expect(offered(model)).not.toContain('acknowledge-handoff');
  });
});

describe('the vendor case panel', () => {
  it('shows the case id, its status, the next follow-up in the viewer’s zone and the case’s history', () => {
    const escalated = applyCommands(ticket, [
      { type: 'acknowledge', actor: engineerActor(MARIA), message: 'Looking into it' },
      { type: 'escalate-to-vendor', actor: engineerActor(MARIA), justification: 'Token issuance fails in the service' },
      { type: 'record-vendor-case', actor: SYSTEM, outcome: { status: 'opened', caseId: 'MS-2611-0042' } },
      { type: 'vendor-update', actor: { role: 'vendor', id: 'microsoft' }, note: 'Reproduced', status: 'investigating' },
    ]);
    const model = modelFor(maria, escalated);
    expect(model.vendor).toMatchObject({ caseId: 'MS-2611-0042', status: 'investigating', pending: false });
    expect(model.vendor?.nextFollowUpText).toMatch(/E[SD]T$/);
    expect(model.vendor?.history.map((item) => item.type)).toEqual(['vendor-updated', 'vendor-case-opened', 'vendor-escalation-requested']);
    expect(offered(model)).toEqual(expect.arrayContaining(['vendor-update', 'follow-up-vendor']));
    expect(offered(model)).not.toContain('escalate-to-vendor');
  });

  it('is absent until someone asks for the vendor', () => {
    expect(modelFor(maria).vendor).toBeUndefined();
  });
});
