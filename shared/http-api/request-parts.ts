/**
 * Small readings of an HTTP request every API handler needs: the path it answers for (a problem's
 * `instance`) and the ticket number from the route, checked against the domain's format.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { TicketNumberSchema, type TicketNumber } from '../domain/ticket/ticket-number';

export function requestPath(request: Pick<HttpRequest, 'url'>): string {
  try {
    return new URL(request.url).pathname;
  } catch {
    return '/';
  }
}

/** `undefined` for anything that cannot be a ticket number: the caller answers 404 as for a missing one. */
export function ticketNumberOf(request: Pick<HttpRequest, 'params'>): TicketNumber | undefined {
  const parsed = TicketNumberSchema.safeParse(request.params.ticketNumber);
  return parsed.success ? parsed.data : undefined;
}

/** Views of a ticket are personal and change with every event: never cached on the way. */
export function viewResponse(body: unknown, status = 200): HttpResponseInit {
  return { status, jsonBody: body, headers: { 'Cache-Control': 'no-store' } };
}
