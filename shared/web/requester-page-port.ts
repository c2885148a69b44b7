/**
 * What the status page and the requester's actions need from the ticket service: the requester
 * API's own port, narrowed to reading a ticket, applying a command, the organisation's rules and
 * the time, so a page handler can also be driven by an in-memory service.
 */
import type { TicketApiPort } from '../http-api/ticket-api-port';

export type RequesterPagePort = Pick<TicketApiPort, 'readTicket' | 'accessTokenOf' | 'applyToTicket' | 'orgConfig' | 'now'>;
