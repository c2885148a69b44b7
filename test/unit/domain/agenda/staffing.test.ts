import type { AgendaItem } from '../../../../shared/domain/agenda/agenda-item';
import { ticketAgenda } from '../../../../shared/domain/agenda/ticket-agenda';
import type { OrgConfig } from '../../../../shared/domain/org/org-config';
import type { Ticket } from '../../../../shared/domain/ticket/ticket';
import { minimalBrief } from '../support/handoff-fixtures';
import { engineer, requester, system } from '../support/ticket-fixtures';
import { applyAt, assignedTicket, at, org, refOf, triagedTicket } from './support/agenda-fixtures';

const HOUR = 60;
const DAY = 24 * HOUR;

/** Every engineer with Exchange Online at their capacity: nobody can take a Contoso mail ticket. */
const FULL = { 'maria-garcia': 8, 'sofia-martins': 6, 'grace-okafor': 4, 'chloe-dubois': 8, 'priya-nair': 8, 'mei-lin': 6 };
const chloe = refOf('chloe-dubois');

const staffingItems = (ticket: Ticket, minutes: number, load = {}, organisation: OrgConfig = org): AgendaItem[] =>
  ticketAgenda(ticket, organisation, at(minutes), load).due.filter((item) => item.kind === 'assign' || item.kind === 'no-engineer' || item.kind === 'handoff');

const reportNoEngineer = (minutes: number) => [minutes, { type: 'report-no-engineer', actor: system, queueId: 'collaboration', reason: 'Nobody is free.' }] as const;
const acknowledged = (minutes: number) => [minutes, { type: 'acknowledge', actor: engineer(chloe), message: 'I have your ticket.' }] as const;
const noEngineer = { kind: 'no-engineer', queueId: 'collaboration', reason: 'No engineer can take the ticket: every skilled engineer on shift is at capacity.', lead: refOf('grace-okafor') };

describe('staffing: telling the queue lead that nobody can take the ticket', () => {
  it('tells them once for the same owner, even when the ticket moved on in between', () => {
    const reported = applyAt(triagedTicket(), [reportNoEngineer(0), [5, { type: 'customer-reply', actor: requester, message: 'Any news? Mail is still stuck.' }]]);
    expect(staffingItems(reported, 10, FULL)).toEqual([]);
  });

  it('tells them again when the engineer who took the ticket after a report goes off shift with nobody to take over', () => {
    const taken = applyAt(triagedTicket(), [reportNoEngineer(0), [10, { type: 'assign', actor: system, engineer: chloe }], acknowledged(11)]);
    // 16:00 UTC: Chloé's London shift ends.
    expect(staffingItems(taken, 2 * HOUR, FULL)).toEqual([noEngineer]);
  });

  it('tells them again when the ticket was handed over since the last report and its new owner goes off shift with nobody to take over', () => {
    const handedOver = applyAt(assignedTicket('chloe-dubois'), [
      acknowledged(5),
      reportNoEngineer(2 * HOUR),
      [2 * HOUR + 10, { type: 'handoff', actor: system, toEngineer: refOf('maria-garcia'), brief: minimalBrief(triagedTicket()) }],
      [2 * HOUR + 15, { type: 'acknowledge-handoff', actor: engineer(refOf('maria-garcia')) }],
    ]);
    // 22:00 UTC: María's New York shift ends; APAC is at work but full.
    expect(staffingItems(handedOver, 8 * HOUR, FULL)).toEqual([noEngineer]);
  });

  it('tells them again for a reopened ticket, whatever was reported in its earlier life', () => {
    const closed = applyAt(assignedTicket('chloe-dubois'), [
      acknowledged(5),
      reportNoEngineer(2 * HOUR),
      [2 * HOUR + 10, { type: 'propose-resolution', actor: engineer(chloe), summary: 'The connector now points at the new smart host.' }],
      [2 * HOUR + 20, { type: 'confirm-resolution', actor: requester }],
    ]);
    const reopened = applyAt(closed, [[DAY + 3 * HOUR, { type: 'reopen', actor: requester, reason: 'Mail is stuck again.' }]]);
    expect(staffingItems(reopened, DAY + 3 * HOUR, FULL)).toEqual([noEngineer]);
  });

  it('tells them at once when nobody with the skill is at work on a Sev A ticket, which cannot wait for a shift', () => {
    // Only Chloé and Grace have Exchange Online here, and their London shift ended at 16:00 UTC.
    const londonOnly = ['chloe-dubois', 'grace-okafor'];
    const engineers = org.roster.engineers.filter((candidate) => londonOnly.includes(candidate.id) || !candidate.skills.includes('exchange-online'));
    expect(staffingItems(triagedTicket(), 3 * HOUR, {}, { ...org, roster: { ...org.roster, engineers } })).toEqual([
      { ...noEngineer, reason: 'No engineer can take the ticket: no engineer with the skill is on shift.' },
    ]);
  });

  it('calls nobody in on a Sev C ticket on business hours either when everyone on shift is full: it waits only for a shift to start', () => {
    expect(staffingItems(triagedTicket({ severity: 'C' }), 0, FULL)).toEqual([noEngineer]);
  });
});

describe('staffing: who keeps a reopened ticket', () => {
  const closed = applyAt(assignedTicket('chloe-dubois'), [
    acknowledged(5),
    [60, { type: 'propose-resolution', actor: engineer(chloe), summary: 'The connector now points at the new smart host.' }],
    [70, { type: 'confirm-resolution', actor: requester }],
  ]);
  // Tuesday 14:00 UTC: Chloé is on shift in London.
  const reopened = applyAt(closed, [[DAY, { type: 'reopen', actor: requester, reason: 'Mail is stuck again this morning.' }]]);
  const withChloe = (change: (skills: readonly string[]) => readonly string[] | undefined): OrgConfig => ({
    ...org,
    roster: {
      ...org.roster,
      engineers: org.roster.engineers.flatMap((candidate) => {
        if (candidate.id !== 'chloe-dubois') return [candidate];
        const skills = change(candidate.skills);
        return skills === undefined ? [] : [{ ...candidate, skills: [...skills] }];
      }),
    },
  });

  it('finds a first engineer for a ticket the customer closed and reopened before anyone took it', () => {
    const selfClosed = applyAt(triagedTicket(), [[10, { type: 'self-close', actor: requester, solution: 'It works again after a restart.' }]]);
    const reopenedUntaken = applyAt(selfClosed, [[DAY, { type: 'reopen', actor: requester, reason: 'It broke again.' }]]);
    expect(staffingItems(reopenedUntaken, DAY)).toEqual([{ kind: 'assign', engineer: chloe }]);
  });

  it('stays with its engineer while they are on shift with the skill', () => {
    expect(staffingItems(reopened, DAY)).toEqual([]);
  });

  // Grace, the EMEA lead, is the other engineer in London with the skill: the ticket stays in the region.
  it('goes to someone else in the region when its engineer no longer has the skill, even while they are on shift', () => {
    const withoutExchange = withChloe((skills) => skills.filter((skill) => skill !== 'exchange-online'));
    expect(staffingItems(reopened, DAY, {}, withoutExchange)).toEqual([{ kind: 'assign', engineer: refOf('grace-okafor') }]);
  });

  it('goes to someone else in the region when its engineer has left the roster', () => {
    expect(staffingItems(reopened, DAY, {}, withChloe(() => undefined))).toEqual([{ kind: 'assign', engineer: refOf('grace-okafor') }]);
  });
});
