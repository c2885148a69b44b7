import { agendaTurn, choosesAnOwner } from '../../../../shared/domain/agenda/agenda-turn';
import { ticketAgenda } from '../../../../shared/domain/agenda/ticket-agenda';
import { apply, engineer, receivedTicket } from '../support/ticket-fixtures';
import { assignedTicket, at, org, refOf, T0 } from './support/agenda-fixtures';

const HOUR = 60;

describe('a lifecycle turn worked out before anything is written', () => {
  it('validates and triages a received ticket, then stops where an engineer is to be chosen without the loads', () => {
    const turn = agendaTurn(receivedTicket(), org, T0, undefined);
    expect(turn.kind).toBe('needs-engineer-loads');
    expect(turn.commands.map((command) => command.type)).toEqual(['start-validation', 'triage']);
    expect(turn.ticket).toMatchObject({ status: 'triaged', queueId: 'collaboration', slaPolicyId: 'enterprise-emea' });
  });

  it('continues from there with the loads: validation through assignment as one set of commands, with the agenda of the ticket they leave', () => {
    const stopped = agendaTurn(receivedTicket(), org, T0, undefined);
    const turn = agendaTurn(stopped.ticket, org, T0, { 'chloe-dubois': 8 }, stopped.commands);
    if (turn.kind !== 'settled') throw new Error('the loads were given');
    expect(turn.commands.map((command) => command.type)).toEqual(['start-validation', 'triage', 'assign']);
    // Chloé is full: the least loaded skilled engineer on shift gets it.
    expect(turn.ticket).toMatchObject({ status: 'assigned', assignee: refOf('maria-garcia') });
    expect(turn.agenda).toEqual(ticketAgenda(turn.ticket, org, T0, { 'chloe-dubois': 8 }));
    expect(turn.agenda).toEqual({ due: [], nextWakeAt: at(45) });
  });

  it('rejects a ticket without a contract and ends its lifecycle in the same turn, without reading any load', () => {
    const stranger = receivedTicket({ tenantDomain: 'unknown.onmicrosoft.com', requester: { name: 'Ann Other', email: 'ann@unknown.example', timeZone: 'Europe/Paris', available24x7: true } });
    const turn = agendaTurn(stranger, org, T0, undefined);
    if (turn.kind !== 'settled') throw new Error('nobody is to be chosen for a rejected ticket');
    expect(turn.commands.map((command) => command.type)).toEqual(['start-validation', 'reject']);
    expect(turn.agenda.due).toEqual([{ kind: 'lifecycle-ends', reason: 'rejected' }]);
  });

  it('has nothing to write on a ticket with nothing due, and gives the instant to sleep until', () => {
    const turn = agendaTurn(assignedTicket('chloe-dubois'), org, at(10), undefined);
    expect(turn).toMatchObject({ kind: 'settled', commands: [], agenda: { due: [], nextWakeAt: at(45) } });
  });

  it('asks for the loads when the assignee goes off shift, and not while they are on it', () => {
    const answered = apply(assignedTicket('chloe-dubois'), { type: 'acknowledge', actor: engineer(refOf('chloe-dubois')), message: 'I have your ticket.' }, at(5));
    expect(choosesAnOwner(answered, org, at(HOUR))).toBe(false);
    // Chloé's EMEA shift ends at 17:00 UTC, three hours after T0.
    expect(choosesAnOwner(answered, org, at(3 * HOUR + 1))).toBe(true);
    expect(agendaTurn(answered, org, at(3 * HOUR + 1), undefined).kind).toBe('needs-engineer-loads');
  });
});
