import { designMinimum, ticketWrites } from '../../../bench/lifecycle-design-minimum';
import { plannedEmails } from '../../../shared/email/planned-emails';
import { plannedTeamsCards } from '../../../shared/teams/planned-cards';
import { applyAt, at, org, refOf, triagedTicket } from '../domain/agenda/support/agenda-fixtures';
import { engineer, system } from '../domain/support/ticket-fixtures';

/** Validated, triaged and assigned at T0, answered at minute 5 and noted at minute 5, warned at minute 50. */
function workedTicket() {
  const maria = engineer(refOf('maria-garcia'));
  return applyAt(triagedTicket(), [
    [0, { type: 'assign', actor: system, engineer: refOf('maria-garcia') }],
    [5, { type: 'acknowledge', actor: maria, message: 'I have your ticket.' }],
    [5, { type: 'internal-note', actor: maria, note: 'Reading the message trace.' }],
    [50, { type: 'raise-sla-alert', actor: system, alert: { kind: 'warning', metric: 'next-update', cycleId: 'c1', key: 'next-update:c1:warning', dueAt: at(50) } }],
  ]);
}

describe('the design minimum of store operations per lifecycle', () => {
  it('counts Baton’s events of one instant as one write, and each event a person adds as its own', () => {
    const writes = ticketWrites(workedTicket()).map((write) => write.map((event) => event.type));
    expect(writes).toEqual([['validation-started', 'ticket-triaged', 'engineer-assigned'], ['acknowledged'], ['internal-note-added'], ['sla-warning-raised']]);
  });

  it('needs a read and a replace per write, a read per wake-up and at the end, a replace per write calling for emails, and two operations per email', () => {
    const ticket = workedTicket();
    const minimum = designMinimum(ticket, org);
    // The internal note emails nobody; the other three writes do.
    expect(minimum.writes).toEqual({ byBaton: 2, byPeople: 2, callingForEmails: 3 });
    expect(minimum.ticketDocument).toBe(1 + 2 * 4 + (2 + 1) + 3);
    expect(minimum.emails).toBe(plannedEmails(ticket, ticket.timeline, org).length);
    expect(minimum.outbox).toBe(2 * minimum.emails);
    expect(minimum.total).toBe(minimum.ticketDocument + minimum.outbox);
  });

  it('needs two operations more for each Teams card the channels take, and none when no channel is set', () => {
    const ticket = applyAt(workedTicket(), [
      [70, { type: 'raise-sla-alert', actor: system, alert: { kind: 'breach', metric: 'next-update', cycleId: 'c1', key: 'next-update:c1:breach', dueAt: at(70) } }],
    ]);
    const channels = { queues: { collaboration: 'https://teams.example/collaboration' }, regions: {} };
    const cards = plannedTeamsCards(ticket, ticket.timeline, org, channels, 'https://baton.example').length;
    expect(cards).toBeGreaterThan(0);
    const withChannels = designMinimum(ticket, org, channels);
    expect(withChannels.teamsCards).toBe(cards);
    expect(withChannels.outbox).toBe(2 * (withChannels.emails + cards));
    expect(designMinimum(ticket, org).teamsCards).toBe(0);
  });
});
