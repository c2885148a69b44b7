/**
 * What the HTTP API needs from the ticket service, and nothing more: read a ticket, apply commands
 * through the domain, list a queue, and the organisation's configuration (roster, SLA policies).
 * Handlers take this port, so a unit test can hand them an in-memory service.
 */
import type { Instant } from '../domain/primitives';
import type { TicketNumber } from '../domain/ticket/ticket-number';
import type { OrgConfigLoad } from '../org-config/org-config-source';
import type { ApplyOptions, ApplyResult, DecideCommands } from '../ticket-service/apply-to-ticket';
import type { AccessTokenSource } from '../email/ticket-notifier';
import type { QueuePage, QueuePageRequest, QueueViewFilter } from '../store/queue-page';
import type { TicketRead } from '../store/ticket-repository';

export interface TicketApiPort {
  readTicket(ticketNumber: TicketNumber): Promise<TicketRead>;
  /**
   * The access token the number would have (derived from it under the access secret, whether or
   * not such a ticket exists), so a wrong token is refused before the store is read.
   */
  accessTokenOf(ticketNumber: TicketNumber): ReturnType<AccessTokenSource>;
  /** With a `commandId`, a command already applied under it is answered as before and appended once only. */
  applyToTicket(ticketNumber: TicketNumber, decideCommands: DecideCommands, now: Instant, options?: Pick<ApplyOptions, 'commandId' | 'requestHash'>): Promise<ApplyResult>;
  /** A page of the queue's lines, the nearest SLA deadline first. */
  queuePage(filter: QueueViewFilter, request: QueuePageRequest): Promise<QueuePage>;
  orgConfig(): Promise<OrgConfigLoad>;
  now(): Instant;
}
