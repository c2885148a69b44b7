import { REQUESTER_STATUS_WORDS } from '../../../../shared/domain/ticket/status-words';
import { TICKET_STATUSES } from '../../../../shared/domain/ticket/ticket-status';

describe('a ticket’s status in the requester’s words', () => {
  it('says where the ticket stands without the desk’s jargon, and what the requester is expected to do', () => {
    expect(REQUESTER_STATUS_WORDS).toEqual({
      received: 'Received',
      validating: 'Being checked',
      rejected: 'Not accepted',
      triaged: 'Waiting for an engineer',
      assigned: 'Assigned to an engineer',
      investigating: 'Being investigated',
      'awaiting-customer': 'Waiting for your answer',
      'escalated-to-vendor': 'Escalated to the vendor',
      'resolution-proposed': 'Solution proposed: please confirm',
      closed: 'Closed',
      reopened: 'Reopened',
    });
  });

  it('gives every status words of its own', () => {
    const words = TICKET_STATUSES.map((status) => REQUESTER_STATUS_WORDS[status]);
    expect(new Set(words).size).toBe(TICKET_STATUSES.length);
  });
});
