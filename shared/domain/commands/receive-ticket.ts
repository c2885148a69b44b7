/**
 * Opening a ticket: the first event of its timeline and the ticket it projects to. The ticket
 * number and the access token's hash are allocated outside (store, HTTP edge), keeping this pure.
 */
import { Instant } from '../primitives';
import { Intake } from '../intake/intake';
import { Ticket } from '../ticket/ticket';
import { TicketNumber } from '../ticket/ticket-number';
import { eventId } from '../timeline/event-base';
import { TicketReceived } from '../timeline/intake-events';
import { EVENT_VISIBILITY } from '../timeline/timeline-event';
import { ticketFromReceipt } from './evolve';

export interface TicketReceipt {
  ticketNumber: TicketNumber;
  intake: Intake;
  accessTokenHash: string;
  receivedAt: Instant;
}

export function receiveTicket(receipt: TicketReceipt): { ticket: Ticket; event: TicketReceived } {
  const requester = receipt.intake.requester;
  const event: TicketReceived = {
    type: 'ticket-received',
    id: eventId(receipt.ticketNumber, 1),
    sequence: 1,
    at: receipt.receivedAt,
    actor: { role: 'requester', id: requester.email.toLowerCase(), name: requester.name },
    visibility: EVENT_VISIBILITY['ticket-received'],
    ticketNumber: receipt.ticketNumber,
    intake: receipt.intake,
    accessTokenHash: receipt.accessTokenHash,
  };
  return { ticket: ticketFromReceipt(event), event };
}
