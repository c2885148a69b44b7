/**
 * The console's ticket route, `/staff/tickets/{ticketNumber}`, as a staff page: GET draws the page;
 * POST takes one command form, sends its body down the staff API's own command path (the same
 * schema, actor, role matrix and ticket service as `POST /api/staff/tickets/{n}/commands`), and
 * answers post/redirect/get with what was done, or draws the page again with the refusal beside
 * the fields and the person's input kept. The session boundary has checked the session, and for
 * a POST the CSRF token and the origin, before this runs.
 */
import { randomUUID } from 'node:crypto';
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { AttachmentPort } from '../../../attachments/upload-attachments';
import type { RefusedFile } from '../../../attachments/receive-uploads';
import type { AttachmentVisibility } from '../../../domain/attachments/attachment';
import type { OrgConfig } from '../../../domain/org/org-config';
import type { Ticket } from '../../../domain/ticket/ticket';
import type { TicketNumber } from '../../../domain/ticket/ticket-number';
import { ProblemSchema } from '../../../http-edge/problem';
import { UnexpectedStoreFailure } from '../../../http-edge/store-failure-problem';
import type { StoreFailure } from '../../../store/store-failure';
import { TicketServiceFault } from '../../../http-api/ticket-outcomes';
import { readRequestBody } from '../../../http-edge/request-body';
import { requestPath, ticketNumberOf } from '../../../http-api/request-parts';
import { issueStaffCommand } from '../../../http-api/staff-command-path';
import { STAFF_COMMAND_NAMES } from '../../../http-api/staff-command-body';
import type { TicketApiPort } from '../../../http-api/ticket-api-port';
import { ticketSlaClocks } from '../../../http-api/ticket-sla-clocks';
import type { FunctionsLogger } from '../../../logging/structured-log';
import { htmlPageResponse, seeOther } from '../../html-response';
import { unavailableResponse } from '../../status/simple-pages';
import { sentence } from '../../status/ticket-page-handlers';
import { staffTicketPath } from '../staff-routes';
import type { StaffPageHandler, StaffSession } from '../staff-session';
import { COMMAND_FORMS } from './staff-command-forms';
import { commandFailure, commandPost, type CommandFailure } from './staff-command-post';
import { ticketNotFoundPage, ticketPageDocument } from './staff-ticket-frame';
import { staffTicketPageModel } from './staff-ticket-model';
import { renderStaffTicketMain } from './staff-ticket-page';

export type StaffTicketPagePort = Pick<TicketApiPort, 'readTicket' | 'applyToTicket' | 'orgConfig' | 'now'>;

export interface StaffTicketPageDependencies {
  readonly port: StaffTicketPagePort;
  readonly logger: FunctionsLogger;
  /** Where files go; without it (or without a store) the page offers no upload form. */
  readonly attachments?: AttachmentPort;
}

const DONE_PARAMETER = 'done';
const CHANGED_PARAMETER = 'changed';
/** Set by the upload form's redirect: how many files were attached. */
export const ATTACHED_PARAMETER = 'attached';
const UNAVAILABLE = 'The ticket is safe, but it cannot be shown right now.';

export interface PageExtras {
  readonly flash?: string;
  /** Files the upload form sent that were not attached, each with why. */
  readonly refusedFiles?: readonly RefusedFile[];
  readonly chosenVisibility?: AttachmentVisibility;
  readonly failure?: CommandFailure;
  /** A post that was not a command form at all. */
  readonly formProblem?: string;
}

export type Loaded = { readonly ok: true; readonly ticket: Ticket; readonly org: OrgConfig } | { readonly ok: false; readonly response: HttpResponseInit };

/** An outage is a page that says to retry; anything else the store or configuration answers is a bug for the page boundary. */
function unreadable(failure: StoreFailure): HttpResponseInit {
  if (failure.kind === 'unavailable') return unavailableResponse(failure.retryAfterSeconds, UNAVAILABLE);
  if (failure.kind === 'unexpected') throw new UnexpectedStoreFailure(failure);
  throw new TicketServiceFault(`the store answered a read with ${failure.kind}`);
}

export async function load(port: StaffTicketPagePort, session: StaffSession, ticketNumber: TicketNumber): Promise<Loaded> {
  const read = await port.readTicket(ticketNumber);
  if (read.kind === 'not-found') return { ok: false, response: ticketNotFoundPage(ticketNumber, session) };
  if (read.kind === 'failed') return { ok: false, response: unreadable(read.failure) };
  if (read.kind === 'invalid') throw new TicketServiceFault(`stored ticket ${ticketNumber} is invalid: ${read.reason}`);
  const config = await port.orgConfig();
  switch (config.kind) {
    case 'loaded':
      return { ok: true, ticket: read.ticket, org: config.config };
    case 'failed':
      return { ok: false, response: unreadable(config.failure) };
    case 'missing':
      throw new TicketServiceFault('no organisation configuration is loaded');
    case 'invalid':
      throw new TicketServiceFault(config.reason);
  }
}

export async function pageResponse(
  dependencies: Pick<StaffTicketPageDependencies, 'port' | 'attachments'>,
  session: StaffSession,
  ticketNumber: TicketNumber,
  extras: PageExtras,
  status = 200,
): Promise<HttpResponseInit> {
  const { port, attachments } = dependencies;
  const loaded = await load(port, session, ticketNumber);
  if (!loaded.ok) return loaded.response;
  const { ticket, org } = loaded;
  const now = port.now();
  const model = staffTicketPageModel({
    ticket,
    org,
    clocks: ticketSlaClocks(ticket, org, now),
    principal: session.principal,
    now,
    ...(extras.flash === undefined ? {} : { flash: extras.flash }),
    ...(extras.failure === undefined ? {} : { failure: extras.failure }),
  });
  const upload = attachments?.store === undefined ? undefined : { limits: attachments.limits, refused: extras.refusedFiles ?? [], ...(extras.chosenVisibility === undefined ? {} : { visibility: extras.chosenVisibility }) };
  const main = renderStaffTicketMain(model, { pagePath: staffTicketPath(ticketNumber), csrfToken: session.csrfToken, seen: model.seen, pageId: randomUUID() }, upload);
  const document = ticketPageDocument({
    title: `Ticket ${ticketNumber}`,
    session,
    deskName: org.supportDesk.name,
    renderedAt: now,
    main,
    ...(extras.formProblem === undefined ? {} : { alert: extras.formProblem }),
  });
  return htmlPageResponse(document, { status });
}

function flashOf(request: HttpRequest): string | undefined {
  const attached = Number(request.query.get(ATTACHED_PARAMETER) ?? '0');
  if (Number.isInteger(attached) && attached > 0) return attached === 1 ? 'The file was attached.' : `${attached} files were attached.`;
  const done = STAFF_COMMAND_NAMES.find((name) => name === request.query.get(DONE_PARAMETER));
  if (done === undefined) return undefined;
  const changed = Number(request.query.get(CHANGED_PARAMETER) ?? '0');
  const meanwhile =
    Number.isInteger(changed) && changed > 0
      ? ` Meanwhile ${changed} other ${changed === 1 ? 'entry was' : 'entries were'} added to the timeline since you opened the page: check them below.`
      : '';
  return `${COMMAND_FORMS[done].done}${meanwhile}`;
}

async function get(request: HttpRequest, session: StaffSession, dependencies: StaffTicketPageDependencies): Promise<HttpResponseInit> {
  const ticketNumber = ticketNumberOf(request);
  if (ticketNumber === undefined) return ticketNotFoundPage(request.params.ticketNumber ?? '', session);
  const flash = flashOf(request);
  return pageResponse(dependencies, session, ticketNumber, flash === undefined ? {} : { flash });
}

/** Entries others added between the page the person saw and their command's own. */
function changedMeanwhile(ticket: Ticket, seen: number | undefined, appended: readonly { readonly sequence: number }[]): number {
  if (seen === undefined) return 0;
  const own = new Set(appended.map((event) => event.sequence));
  return ticket.timeline.filter((event) => event.sequence > seen && !own.has(event.sequence)).length;
}

async function post(request: HttpRequest, session: StaffSession, dependencies: StaffTicketPageDependencies): Promise<HttpResponseInit> {
  const ticketNumber = ticketNumberOf(request);
  if (ticketNumber === undefined) return ticketNotFoundPage(request.params.ticketNumber ?? '', session);
  const { port, logger } = dependencies;
  const instance = requestPath(request);
  const read = await readRequestBody(request, { instance });
  if (read.kind === 'rejected' || read.mediaType !== 'form') {
    return pageResponse(dependencies, session, ticketNumber, { formProblem: 'The form could not be read. Nothing was recorded.' }, 400);
  }
  const sent = commandPost(read.body);
  const issued = await issueStaffCommand(port, logger, {
    principal: session.principal,
    ticketNumber,
    body: sent.body,
    instance,
    ...(sent.commandId === undefined ? {} : { commandId: sent.commandId }),
  });
  if (issued.ok) {
    const changed = changedMeanwhile(issued.ticket, sent.seen, issued.appended);
    return seeOther(`${staffTicketPath(ticketNumber)}?${DONE_PARAMETER}=${encodeURIComponent(sent.name ?? '')}${changed > 0 ? `&${CHANGED_PARAMETER}=${changed}` : ''}`);
  }
  const problem = ProblemSchema.safeParse(issued.response.jsonBody);
  if (!problem.success) throw new Error('the staff command path answered without problem details');
  if (problem.data.status === 404) return ticketNotFoundPage(ticketNumber, session);
  const status = problem.data.status;
  if (sent.name === undefined) {
    const detail = problem.data.detail === undefined ? '' : ` ${sentence(problem.data.detail)}`;
    return pageResponse(dependencies, session, ticketNumber, { formProblem: `${sentence(problem.data.title)}${detail} Nothing was recorded.` }, status);
  }
  return pageResponse(dependencies, session, ticketNumber, { failure: commandFailure(sent.name, problem.data, sent.typed) }, status);
}

export function staffTicketPage(dependencies: StaffTicketPageDependencies): StaffPageHandler {
  return (request, session) => (request.method === 'POST' ? post(request, session, dependencies) : get(request, session, dependencies));
}
