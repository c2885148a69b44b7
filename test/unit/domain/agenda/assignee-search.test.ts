import { assignmentRequestFor } from '../../../../shared/domain/agenda/assignee-search';
import { receivedTicket } from '../support/ticket-fixtures';
import { assignedTicket, at, org, triagedTicket } from './support/agenda-fixtures';

const load = { 'maria-garcia': 2 };
const collaboration = org.queues.find((queue) => queue.id === 'collaboration');

describe('the search for a ticket owner', () => {
  it('asks routing about the ticket’s own queue and product area, on the roster, now, with the load', () => {
    const request = assignmentRequestFor(triagedTicket(), org, at(1), load, { excluding: undefined, preferringRegion: undefined, coverage: '24x7' });
    expect(collaboration).toBeDefined();
    expect(request).toEqual({
      roster: org.roster,
      queue: collaboration,
      productArea: 'exchange-online',
      at: at(1),
      openTicketLoad: load,
      coverage: '24x7',
    });
  });

  it('rules out the one engineer named and favours the region named, with the hours asked for', () => {
    const ticket = assignedTicket('chloe-dubois');
    const request = assignmentRequestFor(ticket, org, at(120), load, { excluding: 'chloe-dubois', preferringRegion: 'AMER', coverage: 'business-hours' });
    expect(request).toMatchObject({ excludeEngineerIds: ['chloe-dubois'], preferRegion: 'AMER', coverage: 'business-hours' });
  });

  it('has nothing to ask while the ticket has no queue', () => {
    expect(assignmentRequestFor(receivedTicket(), org, at(0), load, { excluding: undefined, preferringRegion: undefined, coverage: '24x7' })).toBeUndefined();
  });
});
