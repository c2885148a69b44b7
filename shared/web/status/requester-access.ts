/**
 * Who may see a status page: whoever presents the ticket's access token, from the email link
 * (`?access=`, traded at once for the path-scoped cookie) or from that cookie. A wrong token, an
 * unknown ticket and a missing cookie all get the same answer after the same work (a wrong token is
 * refused before the store is read), so ticket numbers cannot be probed by content or by timing.
 */
import type { HttpRequest } from '@azure/functions';
import type { RequesterPagePort } from '../requester-page-port';
import { presentedTokenIs, tokenOpensTicket } from '../../auth/requester-token';
import type { Ticket } from '../../domain/ticket/ticket';
import { TicketNumberSchema, type TicketNumber } from '../../domain/ticket/ticket-number';
import { accessCookieValues } from './access-cookie';

export type TicketAccess =
  | { readonly kind: 'granted'; readonly ticket: Ticket; readonly token: string }
  | { readonly kind: 'denied' }
  | { readonly kind: 'unavailable'; readonly retryAfterSeconds: number };

export function ticketNumberParameter(request: Pick<HttpRequest, 'params'>): TicketNumber | undefined {
  const parsed = TicketNumberSchema.safeParse(request.params.ticketNumber);
  return parsed.success ? parsed.data : undefined;
}

/** Checks the presented tokens against the stored hash; the store is read only if one is offered. */
export async function ticketAccess(tickets: RequesterPagePort, ticketNumber: TicketNumber, presented: readonly string[]): Promise<TicketAccess> {
  if (presented.length === 0) return { kind: 'denied' };
  // As on the API: refused before the store is read unless a presented token is the number's own.
  const expected = await tickets.accessTokenOf(ticketNumber);
  if (expected.ok) {
    const matches = presented.map((candidate) => presentedTokenIs(candidate, expected.token));
    if (!matches.includes(true)) return { kind: 'denied' };
  }
  const read = await tickets.readTicket(ticketNumber);
  // Checked whether or not the ticket exists (against a dummy hash if not): the same work either way.
  const token = presented.find((candidate) => tokenOpensTicket(candidate, read.kind === 'found' ? read.ticket.accessTokenHash : undefined));
  switch (read.kind) {
    case 'found':
      return token === undefined ? { kind: 'denied' } : { kind: 'granted', ticket: read.ticket, token };
    case 'not-found':
      return { kind: 'denied' };
    case 'failed':
      if (read.failure.kind === 'unavailable') return { kind: 'unavailable', retryAfterSeconds: read.failure.retryAfterSeconds };
      throw new Error(`the ticket could not be read: ${read.failure.kind}`);
    case 'invalid':
      throw new Error(`the stored ticket is invalid: ${read.reason}`);
  }
}

export function cookieTokens(request: Pick<HttpRequest, 'headers'>): string[] {
  return accessCookieValues(request.headers.get('cookie'));
}
