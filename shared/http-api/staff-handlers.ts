/**
 * The staff side of the API: every call first proves a staff JWT (401 without a valid one, 403
 * for a valid user without a Baton role), then reads the queue, a ticket in full, or issues a
 * domain command as the caller through the staff command path the console's forms share.
 */
import type { HttpHandler, HttpRequest, InvocationContext } from '@azure/functions';
import type { StaffTokenPolicy } from '../auth/staff-token';
import { fieldErrorsFromZod } from '../http-edge/field-errors';
import { IDEMPOTENCY_KEY_MAX_LENGTH, IdempotencyKeySchema } from '../store/idempotency-record';
import { IDEMPOTENCY_KEY_HEADER } from './intake-operation';
import { validationProblem } from '../http-edge/problem';
import { readRequestBody } from '../http-edge/request-body';
import { problemForStoreFailure } from '../http-edge/store-failure-problem';
import { displayedSlaDeadline } from '../store/sla-deadline';
import { decodeContinuation, encodeContinuation } from './queue-continuation';
import { queueItem, QueueQuerySchema } from './queue-view';
import { requestPath, ticketNumberOf, viewResponse } from './request-parts';
import { authenticateStaff, configuredStaffTokenPolicy } from './staff-authentication';
import { issueStaffCommand } from './staff-command-path';
import { staffTicketViewAt } from './staff-ticket-view';
import type { TicketApiPort } from './ticket-api-port';
import { orgConfigOutcome, readTicketOutcome, ticketNotFound } from './ticket-outcomes';

export interface StaffHandlerDependencies {
  readonly port: (context: InvocationContext) => TicketApiPort;
  readonly tokenPolicy?: () => StaffTokenPolicy;
}

function policyOf(dependencies: StaffHandlerDependencies): StaffTokenPolicy {
  return (dependencies.tokenPolicy ?? configuredStaffTokenPolicy)();
}

function queryObject(request: HttpRequest): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of request.query) {
    const earlier = query[name];
    // A repeated parameter stays visible as a list, which the schema then refuses.
    query[name] = earlier === undefined ? value : [...(Array.isArray(earlier) ? earlier : [earlier]), value];
  }
  return query;
}

export function staffQueueHandler(dependencies: StaffHandlerDependencies): HttpHandler {
  return async (request, context) => {
    const instance = requestPath(request);
    const staff = await authenticateStaff(request, instance, policyOf(dependencies));
    if (staff.kind === 'refused') return staff.response;
    const query = QueueQuerySchema.safeParse(queryObject(request));
    if (!query.success) return validationProblem(fieldErrorsFromZod(query.error), { instance });
    const { queue, status, limit, continuation } = query.data;
    const filter = { ...(queue === undefined ? {} : { queueId: queue }), ...(status === undefined ? {} : { status }) };
    const resumed = continuation === undefined ? undefined : decodeContinuation(continuation, filter);
    if (resumed !== undefined && !resumed.ok) return validationProblem([{ field: 'continuation', message: resumed.message }], { instance });
    const page = await dependencies.port(context).queuePage(
      { ...(queue === undefined ? {} : { queueId: queue }), ...(status === undefined ? {} : { statuses: [status] }) },
      { pageSize: limit, ...(resumed === undefined ? {} : { continuationToken: resumed.token }) },
    );
    if (page.kind === 'continuation-refused') return validationProblem([{ field: 'continuation', message: 'can no longer be resumed: start from the first page' }], { instance });
    if (page.kind === 'failed') return problemForStoreFailure(page.failure, { instance });
    const items = page.rows.map((row) => queueItem(row, displayedSlaDeadline(row)));
    return viewResponse({ items, count: items.length, ...(page.continuationToken === undefined ? {} : { continuation: encodeContinuation(filter, page.continuationToken) }) });
  };
}

/** A staff call about one ticket: the caller authenticated and the route's ticket number readable, or the answer why not. */
export async function staffOnTicket(request: HttpRequest, dependencies: StaffHandlerDependencies) {
  const instance = requestPath(request);
  const staff = await authenticateStaff(request, instance, policyOf(dependencies));
  if (staff.kind === 'refused') return { ok: false as const, response: staff.response };
  const ticketNumber = ticketNumberOf(request);
  if (ticketNumber === undefined) return { ok: false as const, response: ticketNotFound(instance) };
  return { ok: true as const, instance, principal: staff.principal, ticketNumber };
}

export function staffTicketHandler(dependencies: StaffHandlerDependencies): HttpHandler {
  return async (request, context) => {
    const call = await staffOnTicket(request, dependencies);
    if (!call.ok) return call.response;
    const { instance, ticketNumber } = call;
    const port = dependencies.port(context);
    const ticket = readTicketOutcome(await port.readTicket(ticketNumber), instance);
    if (!ticket.ok) return ticket.response;
    const org = orgConfigOutcome(await port.orgConfig(), instance);
    if (!org.ok) return org.response;
    return viewResponse(staffTicketViewAt(ticket.value, org.value, port.now()));
  };
}

export function staffCommandHandler(dependencies: StaffHandlerDependencies): HttpHandler {
  return async (request, context) => {
    const call = await staffOnTicket(request, dependencies);
    if (!call.ok) return call.response;
    const { instance, principal, ticketNumber } = call;
    const read = await readRequestBody(request, { instance });
    if (read.kind === 'rejected') return read.response;
    const headerKey = request.headers.get(IDEMPOTENCY_KEY_HEADER);
    const key = headerKey === null ? undefined : IdempotencyKeySchema.safeParse(headerKey);
    if (key?.success === false) return validationProblem([{ field: IDEMPOTENCY_KEY_HEADER, message: `must be 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} characters` }], { instance });
    const issued = await issueStaffCommand(dependencies.port(context), context, { principal, ticketNumber, body: read.body, instance, ...(key === undefined ? {} : { idempotencyKey: key.data }) });
    if (!issued.ok) return issued.response;
    const answer = viewResponse(staffTicketViewAt(issued.ticket, issued.org, issued.now));
    return issued.replayed ? { ...answer, headers: { ...answer.headers, 'Idempotent-Replayed': 'true' } } : answer;
  };
}
