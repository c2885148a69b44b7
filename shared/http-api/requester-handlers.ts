/**
 * The requester's side of the API. The access token is the only credential: without one the
 * answer is 401; with one that does not open this ticket (another ticket's, a guess, a staff
 * JWT) the answer is the same 404 as for a ticket that does not exist, so numbers cannot be probed.
 */
import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { presentedTokenIs, tokenOpensTicket } from '../auth/requester-token';
import type { Ticket } from '../domain/ticket/ticket';
import type { TicketNumber } from '../domain/ticket/ticket-number';
import { fieldErrorsFromZod } from '../http-edge/field-errors';
import { unauthorizedProblem, validationProblem } from '../http-edge/problem';
import { readRequestBody } from '../http-edge/request-body';
import { requesterLinks } from '../ticket-service/ticket-links';
import { logCommandOutcome } from './command-log';
import { customerTicketView } from './customer-ticket-view';
import { presentedRequesterToken } from './requester-credential';
import { requesterActor, type RequesterAction } from './requester-actions';
import { requestPath, ticketNumberOf, viewResponse } from './request-parts';
import type { TicketApiPort } from './ticket-api-port';
import { ticketSlaClocks } from './ticket-sla-clocks';
import { applyOutcome, orgConfigOutcome, readTicketOutcome, ticketNotFound, type Outcome } from './ticket-outcomes';

export interface RequesterTarget {
  readonly ticketNumber: TicketNumber;
  readonly token: string;
}

/** Checks what can be checked without touching the store: a token is there, the number is well formed. */
export function requesterTarget(request: HttpRequest, instance: string): Outcome<RequesterTarget> {
  const presented = presentedRequesterToken(request);
  if (presented.kind === 'absent') {
    return {
      ok: false,
      response: unauthorizedProblem({ instance, detail: 'Open the link from your email, or send the access token as a Bearer token.' }),
    };
  }
  const ticketNumber = ticketNumberOf(request);
  if (ticketNumber === undefined) return { ok: false, response: ticketNotFound(instance) };
  return { ok: true, value: { ticketNumber, token: presented.token } };
}

/**
 * The ticket, if the token opens it. A wrong token reads exactly like a missing ticket, and takes
 * the same work: it is compared with the token the number would have (derived under the access
 * secret, ticket or no ticket) and refused before the store is read. Only when that token cannot
 * be derived right now does the check fall back to the stored hash, still with the same work for
 * a ticket that does not exist (a dummy hash).
 */
export async function requesterTicket(port: TicketApiPort, target: RequesterTarget, instance: string): Promise<Outcome<Ticket>> {
  const expected = await port.accessTokenOf(target.ticketNumber);
  if (expected.ok && !presentedTokenIs(target.token, expected.token)) return { ok: false, response: ticketNotFound(instance) };
  const stored = await port.readTicket(target.ticketNumber);
  const opens = tokenOpensTicket(target.token, stored.kind === 'found' ? stored.ticket.accessTokenHash : undefined);
  const read = readTicketOutcome(stored, instance);
  if (!read.ok) return read;
  return opens ? read : { ok: false, response: ticketNotFound(instance) };
}

async function customerViewResponse(port: TicketApiPort, ticket: Ticket, instance: string): Promise<HttpResponseInit> {
  const org = orgConfigOutcome(await port.orgConfig(), instance);
  if (!org.ok) return org.response;
  return viewResponse(customerTicketView(ticket, ticketSlaClocks(ticket, org.value, port.now())));
}

function wantsHtml(request: HttpRequest): boolean {
  return (request.headers.get('accept') ?? '').toLowerCase().includes('text/html');
}

/** A browser that posted the status page's form without JavaScript goes back to that page (303). */
function backToStatusPage(target: RequesterTarget): HttpResponseInit {
  return { status: 303, headers: { Location: requesterLinks('', target.ticketNumber, target.token).statusPage, 'Cache-Control': 'no-store' } };
}

export function requesterTicketHandler(port: (context: InvocationContext) => TicketApiPort): HttpHandler {
  return async (request, context) => {
    const instance = requestPath(request);
    const target = requesterTarget(request, instance);
    if (!target.ok) return target.response;
    const services = port(context);
    const ticket = await requesterTicket(services, target.value, instance);
    if (!ticket.ok) return ticket.response;
    return customerViewResponse(services, ticket.value, instance);
  };
}

export function requesterActionHandler(action: RequesterAction, port: (context: InvocationContext) => TicketApiPort): HttpHandler {
  return async (request, context) => {
    const instance = requestPath(request);
    const target = requesterTarget(request, instance);
    if (!target.ok) return target.response;
    const read = await readRequestBody(request, { instance, allowEmpty: action.allowEmptyBody });
    if (read.kind === 'rejected') return read.response;
    const body = action.parseBody(read.body);
    if (!body.ok) return validationProblem(fieldErrorsFromZod(body.error), { instance });

    const services = port(context);
    const ticket = await requesterTicket(services, target.value, instance);
    if (!ticket.ok) return ticket.response;
    const result = await services.applyToTicket(target.value.ticketNumber, (current) => body.toCommand(requesterActor(current)), services.now());
    logCommandOutcome(context, { ticketNumber: target.value.ticketNumber, command: action.name, role: 'requester' }, result);
    const applied = applyOutcome(result, instance);
    if (!applied.ok) return applied.response;
    if (read.mediaType === 'form' && wantsHtml(request)) return backToStatusPage(target.value);
    return customerViewResponse(services, applied.value, instance);
  };
}
