/**
 * The staff side of the API: every call first proves a staff JWT (401 without a valid one, 403
 * for a valid user without a Baton role), then reads the queue, a ticket in full, or issues a
 * domain command as the caller. Whether the caller's role may issue the command is the domain's
 * role matrix to say, through `decide`.
 */
import type { HttpHandler, HttpRequest, InvocationContext } from '@azure/functions';
import type { StaffTokenPolicy } from '../auth/staff-token';
import type { OrgConfig } from '../domain/org/org-config';
import type { Ticket } from '../domain/ticket/ticket';
import { fieldErrorsFromZod } from '../http-edge/field-errors';
import { validationProblem } from '../http-edge/problem';
import { readRequestBody } from '../http-edge/request-body';
import { problemForStoreFailure } from '../http-edge/store-failure-problem';
import { displayedSlaDeadline } from '../store/sla-deadline';
import { logCommandOutcome } from './command-log';
import { queueItem, QueueQuerySchema } from './queue-view';
import { rejectionProblem } from './rejection-problem';
import { requestPath, ticketNumberOf, viewResponse } from './request-parts';
import { actingRole, staffActor } from './staff-actor';
import { authenticateStaff, configuredStaffTokenPolicy } from './staff-authentication';
import { domainCommandType, nonStaffCommandType, staffCommand, StaffCommandBodySchema } from './staff-command-body';
import { staffTicketView } from './staff-ticket-view';
import type { TicketApiPort } from './ticket-api-port';
import { ticketSlaClocks } from './ticket-sla-clocks';
import { applyOutcome, orgConfigOutcome, readTicketOutcome, ticketNotFound } from './ticket-outcomes';

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

function staffView(ticket: Ticket, org: OrgConfig, now: string) {
  return staffTicketView(ticket, ticketSlaClocks(ticket, org, now), displayedSlaDeadline(ticket));
}

export function staffQueueHandler(dependencies: StaffHandlerDependencies): HttpHandler {
  return async (request, context) => {
    const instance = requestPath(request);
    const staff = await authenticateStaff(request, instance, policyOf(dependencies));
    if (staff.kind === 'refused') return staff.response;
    const query = QueueQuerySchema.safeParse(queryObject(request));
    if (!query.success) return validationProblem(fieldErrorsFromZod(query.error), { instance });
    const { queue, status, limit } = query.data;
    const listed = await dependencies.port(context).queueView({
      ...(queue === undefined ? {} : { queueId: queue }),
      ...(status === undefined ? {} : { statuses: [status] }),
      maxItems: limit,
    });
    if (listed.kind === 'failed') return problemForStoreFailure(listed.failure, { instance });
    const items = listed.tickets.map((ticket) => queueItem(ticket, displayedSlaDeadline(ticket)));
    return viewResponse({ items, count: items.length });
  };
}

export function staffTicketHandler(dependencies: StaffHandlerDependencies): HttpHandler {
  return async (request, context) => {
    const instance = requestPath(request);
    const staff = await authenticateStaff(request, instance, policyOf(dependencies));
    if (staff.kind === 'refused') return staff.response;
    const ticketNumber = ticketNumberOf(request);
    if (ticketNumber === undefined) return ticketNotFound(instance);
    const port = dependencies.port(context);
    const ticket = readTicketOutcome(await port.readTicket(ticketNumber), instance);
    if (!ticket.ok) return ticket.response;
    const org = orgConfigOutcome(await port.orgConfig(), instance);
    if (!org.ok) return org.response;
    return viewResponse(staffView(ticket.value, org.value, port.now()));
  };
}

export function staffCommandHandler(dependencies: StaffHandlerDependencies): HttpHandler {
  return async (request, context) => {
    const instance = requestPath(request);
    const staff = await authenticateStaff(request, instance, policyOf(dependencies));
    if (staff.kind === 'refused') return staff.response;
    const principal = staff.principal;
    const ticketNumber = ticketNumberOf(request);
    if (ticketNumber === undefined) return ticketNotFound(instance);
    const read = await readRequestBody(request, { instance });
    if (read.kind === 'rejected') return read.response;

    // Baton's own steps and the requester's answers exist, but never for a staff caller.
    const reserved = nonStaffCommandType(read.body);
    if (reserved !== undefined) {
      const role = actingRole(principal.roles, reserved);
      return rejectionProblem({ code: 'forbidden', message: `a ${role} cannot ${reserved.replace(/-/g, ' ')}` }, instance);
    }
    const body = StaffCommandBodySchema.safeParse(read.body);
    if (!body.success) return validationProblem(fieldErrorsFromZod(body.error), { instance });

    const port = dependencies.port(context);
    const org = orgConfigOutcome(await port.orgConfig(), instance);
    if (!org.ok) return org.response;
    const engineers = org.value.roster.engineers;
    const built = staffCommand(body.data, staffActor(principal, domainCommandType(body.data.type), engineers), engineers);
    if (!built.ok) return validationProblem(built.errors, { instance });

    const now = port.now();
    const result = await port.applyToTicket(ticketNumber, () => built.command, now);
    logCommandOutcome(context, { ticketNumber, command: built.command.type, role: built.command.actor.role }, result);
    const applied = applyOutcome(result, instance);
    if (!applied.ok) return applied.response;
    return viewResponse(staffView(applied.value, org.value, now));
  };
}
