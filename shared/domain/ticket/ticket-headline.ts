/**
 * What every list of tickets shows first, whichever list it is (the JSON queue, My work, the
 * console's queue): number, title, company, severity and status, the optional ones only when known.
 */
import type { Ticket } from './ticket';

export type TicketHeadline = Pick<Ticket, 'ticketNumber' | 'title' | 'company' | 'severity' | 'status'>;

export function ticketHeadline(ticket: TicketHeadline): TicketHeadline {
  return {
    ticketNumber: ticket.ticketNumber,
    ...(ticket.title === undefined ? {} : { title: ticket.title }),
    ...(ticket.company === undefined ? {} : { company: ticket.company }),
    ...(ticket.severity === undefined ? {} : { severity: ticket.severity }),
    status: ticket.status,
  };
}
