/**
 * What intake answers once a ticket is accepted: the ticket number, its status, where to follow
 * it (the API status URL and the requester's private link) and the access token itself, which
 * is shown this once and otherwise only travels in the requester's emails.
 */
import { z } from 'zod';
import { TicketStatusSchema } from '../domain/ticket/ticket-status';
import { TicketNumberSchema } from '../domain/ticket/ticket-number';
import type { Ticket } from '../domain/ticket/ticket';
import { requesterLinks, ticketStatusUrl } from '../ticket-service/ticket-links';

export const IntakeAnswerSchema = z.object({
  ticketNumber: TicketNumberSchema,
  status: TicketStatusSchema,
  statusUrl: z.url(),
  accessLink: z.url(),
  accessToken: z.string().min(43),
});
export type IntakeAnswer = z.infer<typeof IntakeAnswerSchema>;

export function intakeAnswer(ticket: Ticket, accessToken: string, publicBaseUrl: string): IntakeAnswer {
  return {
    ticketNumber: ticket.ticketNumber,
    status: ticket.status,
    statusUrl: ticketStatusUrl(publicBaseUrl, ticket.ticketNumber),
    accessLink: requesterLinks(publicBaseUrl, ticket.ticketNumber, accessToken).statusPage,
    accessToken,
  };
}
