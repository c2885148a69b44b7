/**
 * The one path a staff member's command takes, whichever door it comes through: the JSON API (a
 * bearer token) and the staff console's forms (a session) both hand it the caller and the body as
 * read, and get back the ticket after the command or the problem to answer with. Whether the
 * caller may issue the command is the domain's role matrix to say, through `decide`; the ticket
 * service saves under If-Match and decides again on fresh state when another writer got there first.
 */
import type { HttpResponseInit } from '@azure/functions';
import type { StaffPrincipal } from '../auth/staff-token';
import type { OrgConfig } from '../domain/org/org-config';
import type { Instant } from '../domain/primitives';
import type { Ticket } from '../domain/ticket/ticket';
import type { TicketNumber } from '../domain/ticket/ticket-number';
import type { TimelineEvent } from '../domain/timeline/timeline-event';
import { fieldErrorsFromZod } from '../http-edge/field-errors';
import { unprocessableProblem, validationProblem } from '../http-edge/problem';
import type { FunctionsLogger } from '../logging/structured-log';
import { logCommandOutcome } from './command-log';
import { rejectionProblem } from './rejection-problem';
import { actingRole, staffActor } from './staff-actor';
import { domainCommandType, nonStaffCommandType, staffCommand, StaffCommandBodySchema } from './staff-command-body';
import { staffCommandKey } from './staff-command-key';
import type { TicketApiPort } from './ticket-api-port';
import { applyOutcome, orgConfigOutcome } from './ticket-outcomes';
import { roleMayNotMessage } from '../domain/commands/permission';

export interface StaffCommandRequest {
  readonly principal: StaffPrincipal;
  readonly ticketNumber: TicketNumber;
  /** The body as read: a JSON document, or a form's fields in the same shape. */
  readonly body: unknown;
  /** The request path, a problem's `instance`. */
  readonly instance: string;
  /** Names this command, so that the same one sent again (a double click) is applied once. */
  readonly commandId?: string;
  /** An API client's key for this command: sent again with the same body, it is answered as the first time and recorded once. */
  readonly idempotencyKey?: string;
}

export type StaffCommandIssue =
  | {
      readonly ok: true;
      readonly ticket: Ticket;
      readonly org: OrgConfig;
      readonly now: Instant;
      /** What this command put on the timeline: none when the domain had nothing to record. */
      readonly appended: readonly TimelineEvent[];
      /** Applied before under the same command id or key: nothing was recorded this time. */
      readonly replayed: boolean;
    }
  | { readonly ok: false; readonly response: HttpResponseInit };

/** What the path needs of the ticket service. */
export type StaffCommandPort = Pick<TicketApiPort, 'orgConfig' | 'now' | 'applyToTicket'>;

export async function issueStaffCommand(port: StaffCommandPort, logger: FunctionsLogger, request: StaffCommandRequest): Promise<StaffCommandIssue> {
  const { principal, ticketNumber, instance } = request;
  // Baton's own steps and the requester's answers exist, but never for a staff caller.
  const reserved = nonStaffCommandType(request.body);
  if (reserved !== undefined) {
    const role = actingRole(principal.roles, reserved);
    return { ok: false, response: rejectionProblem({ code: 'forbidden', message: roleMayNotMessage(role, reserved) }, instance) };
  }
  const body = StaffCommandBodySchema.safeParse(request.body);
  if (!body.success) return { ok: false, response: validationProblem(fieldErrorsFromZod(body.error), { instance }) };

  const org = orgConfigOutcome(await port.orgConfig(), instance);
  if (!org.ok) return org;
  const engineers = org.value.roster.engineers;
  const built = staffCommand(body.data, staffActor(principal, domainCommandType(body.data.type), engineers), engineers);
  if (!built.ok) return { ok: false, response: validationProblem(built.errors, { instance }) };

  const now = port.now();
  const key = request.idempotencyKey === undefined ? undefined : staffCommandKey(principal, request.idempotencyKey, body.data);
  const options = key ?? (request.commandId === undefined ? {} : { commandId: request.commandId });
  const result = await port.applyToTicket(ticketNumber, () => built.command, now, options);
  logCommandOutcome(logger, { ticketNumber, command: built.command.type, role: built.command.actor.role }, result);
  const replayed = result.kind === 'applied' && result.replayed;
  if (key !== undefined && replayed && result.replayedRequestHash !== key.requestHash) {
    return { ok: false, response: unprocessableProblem({ instance, detail: 'This Idempotency-Key was already used for a different command on this ticket. Nothing was recorded; use a new key for a new command.' }) };
  }
  const applied = applyOutcome(result, instance);
  if (!applied.ok) return applied;
  return { ok: true, ticket: applied.value, org: org.value, now, appended: result.kind === 'applied' ? result.events : [], replayed };
}
