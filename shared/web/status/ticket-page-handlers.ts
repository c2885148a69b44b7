/**
 * The status page's routes. GET with `?access=` trades the token for the cookie and redirects to
 * the clean URL; GET with the cookie renders the page. A requester's action is a form post that is
 * parsed by the API's own action schema, applied through the ticket service (so the domain decides),
 * and answered with a 303 back to the page; a refusal re-renders the page with the reason beside
 * the form and the text the requester typed.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { customerTicketView } from '../../http-api/customer-ticket-view';
import { rejectionStatus } from '../../http-api/rejection-problem';
import { requesterActor } from '../../http-api/requester-actions';
import { ticketSlaClocks } from '../../http-api/ticket-sla-clocks';
import type { RequesterPagePort } from '../requester-page-port';
import { fieldErrorsOf } from '../../domain/intake/parse-intake';
import type { Ticket } from '../../domain/ticket/ticket';
import { isFinished } from '../../domain/ticket/ticket-status';
import type { AttachmentPort } from '../../attachments/upload-attachments';
import type { RefusedFileNotice } from './attachments-markup';
import type { TicketNumber } from '../../domain/ticket/ticket-number';
import { readRequestBody } from '../../http-edge/request-body';
import { htmlPageResponse, seeOther } from '../html-response';
import { RECEIVED_FLAG } from '../intake/intake-form-handlers';
import { accessCookie, ticketPagePath } from './access-cookie';
import type { ActionFailure } from './action-forms-markup';
import { formPostOrigin } from './form-post-origin';
import { cookieTokens, ticketAccess, ticketNumberParameter } from './requester-access';
import { requesterZone } from './requester-time';
import { allowedWebActions, findWebAction, type WebAction } from './requester-web-actions';
import { noAccessResponse, unavailableResponse } from './simple-pages';
import { renderTicketStatusPage } from './ticket-status-page';

const DONE_PARAMETER = 'done';
const ANSWER_PARAMETER = 'answer';

export interface PageExtras {
  readonly flash?: string;
  readonly failure?: ActionFailure;
  readonly suggestedAnswer?: 'confirm' | 'reject';
  /** Where files go: offered on an open ticket when the environment keeps files. */
  readonly attachments?: AttachmentPort;
  readonly refusedFiles?: readonly RefusedFileNotice[];
}

/** Query parameter of the redirect after files were attached: how many. */
export const ATTACHED_PARAMETER = 'attached';

export async function statusPageResponse(tickets: RequesterPagePort, ticket: Ticket, extras: PageExtras, status = 200): Promise<HttpResponseInit> {
  const load = await tickets.orgConfig();
  if (load.kind === 'failed' && load.failure.kind === 'unavailable') {
    return unavailableResponse(load.failure.retryAfterSeconds, 'Your ticket is safe, but we cannot show it right now.');
  }
  if (load.kind !== 'loaded') throw new Error(`the organisation configuration is not available: ${load.kind}`);
  const org = load.config;
  const now = tickets.now();
  const view = customerTicketView(ticket, ticketSlaClocks(ticket, org, now));
  const { attachments, refusedFiles, ...shown } = extras;
  const upload = attachments?.store !== undefined && !isFinished(ticket.status) ? { limits: attachments.limits, refused: refusedFiles ?? [] } : undefined;
  const page = renderTicketStatusPage({
    deskName: org.supportDesk.name,
    view,
    pagePath: ticketPagePath(ticket.ticketNumber),
    zone: requesterZone(ticket.requester.timeZone),
    actions: allowedWebActions(ticket, now, org.lifecycle),
    ...shown,
    ...(upload === undefined ? {} : { upload }),
  });
  return htmlPageResponse(page, { status });
}

function flashOf(request: HttpRequest, ticketNumber: TicketNumber): string | undefined {
  if (request.query.get(RECEIVED_FLAG) !== null) {
    return `Received: ticket ${ticketNumber}. We have stored your request and emailed you the link to this page.`;
  }
  const attached = Number(request.query.get(ATTACHED_PARAMETER) ?? Number.NaN);
  if (Number.isInteger(attached) && attached > 0) return attached === 1 ? 'Your file was attached.' : `Your ${String(attached)} files were attached.`;
  const done = request.query.get(DONE_PARAMETER);
  return done === null ? undefined : findWebAction(done)?.wording.done;
}

function suggestedAnswerOf(request: HttpRequest): 'confirm' | 'reject' | undefined {
  const answer = request.query.get(ANSWER_PARAMETER);
  return answer === 'confirm' || answer === 'reject' ? answer : undefined;
}

/** GET /tickets/{ticketNumber} */
export async function ticketStatusGet(request: HttpRequest, tickets: RequesterPagePort, attachments?: AttachmentPort): Promise<HttpResponseInit> {
  const ticketNumber = ticketNumberParameter(request);
  if (ticketNumber === undefined) return noAccessResponse();
  const fromLink = request.query.get('access');
  if (fromLink !== null) {
    const access = await ticketAccess(tickets, ticketNumber, [fromLink.trim()]);
    if (access.kind === 'unavailable') return unavailableResponse(access.retryAfterSeconds, 'Your ticket is safe, but we cannot show it right now.');
    if (access.kind === 'denied') return noAccessResponse();
    // The token leaves the address bar (and history) for the cookie; the email's answer is kept.
    const answer = suggestedAnswerOf(request);
    const location = `${ticketPagePath(ticketNumber)}${answer === undefined ? '' : `?${ANSWER_PARAMETER}=${answer}`}`;
    return seeOther(location, [accessCookie(ticketNumber, access.token, request.url)]);
  }
  const access = await ticketAccess(tickets, ticketNumber, cookieTokens(request));
  if (access.kind === 'unavailable') return unavailableResponse(access.retryAfterSeconds, 'Your ticket is safe, but we cannot show it right now.');
  if (access.kind === 'denied') return noAccessResponse();
  const flash = flashOf(request, ticketNumber);
  const suggestedAnswer = suggestedAnswerOf(request);
  return statusPageResponse(tickets, access.ticket, {
    ...(flash === undefined ? {} : { flash }),
    ...(suggestedAnswer === undefined ? {} : { suggestedAnswer }),
    ...(attachments === undefined ? {} : { attachments }),
  });
}

/** The domain words its rejections as clauses ("cannot reopen while…"); the page shows sentences. */
export function sentence(clause: string): string {
  const trimmed = clause.trim();
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

function typedText(body: unknown, webAction: WebAction): string | undefined {
  const name = webAction.wording.field?.name;
  if (name === undefined || typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The sentence a refused form shows. A field the form does not have is named as sent (the page
 * escapes it) rather than put after the form's label, which read "This form is not a field of this form".
 */
export function invalidFieldMessage(webAction: WebAction, body: unknown, error: Parameters<typeof fieldErrorsOf>[0]): string {
  const unexpected = error.issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys : []));
  if (unexpected.length > 0) {
    const names = unexpected.map((key) => `“${key}”`).join(', ');
    return `${unexpected.length === 1 ? 'An unexpected field was sent' : 'Unexpected fields were sent'}: ${names}. Nothing was recorded; please use the form on this page.`;
  }
  const label = webAction.wording.field?.label ?? 'This form';
  const first = fieldErrorsOf(error, body)[0];
  return first === undefined ? `${label} is not valid.` : `${label} ${first.message}.`;
}

/** POST /tickets/{ticketNumber}/{action route} */
/** `siteOrigins`: the public site's origin, for a custom domain in front of the app (see `formPostOrigin`). */
export async function requesterActionPost(request: HttpRequest, tickets: RequesterPagePort, webAction: WebAction, siteOrigins: readonly string[] = []): Promise<HttpResponseInit> {
  const ticketNumber = ticketNumberParameter(request);
  // Refused before the store is read: a post from elsewhere learns nothing about the ticket.
  if (ticketNumber === undefined || formPostOrigin(request, siteOrigins) !== 'same-origin') return noAccessResponse();
  const access = await ticketAccess(tickets, ticketNumber, cookieTokens(request));
  if (access.kind === 'unavailable') return unavailableResponse(access.retryAfterSeconds, 'Nothing was recorded. Please go back and send it again.');
  if (access.kind === 'denied') return noAccessResponse();
  const { action } = webAction;
  const fail = (message: string, status: number, typed?: string): Promise<HttpResponseInit> =>
    statusPageResponse(tickets, access.ticket, { failure: { actionName: action.name, message, ...(typed === undefined ? {} : { typed }) } }, status);

  const read = await readRequestBody(request, { allowEmpty: action.allowEmptyBody });
  if (read.kind === 'rejected') return fail('The form could not be read. Nothing was recorded.', read.response.status ?? 400);
  const typed = typedText(read.body, webAction);
  const parsed = action.parseBody(read.body);
  if (!parsed.ok) return fail(invalidFieldMessage(webAction, read.body, parsed.error), 400, typed);

  const command = parsed.toCommand(requesterActor(access.ticket));
  const result = await tickets.applyToTicket(ticketNumber, () => command, tickets.now());
  switch (result.kind) {
    case 'applied':
    case 'unchanged':
      return seeOther(`${ticketPagePath(ticketNumber)}?${DONE_PARAMETER}=${encodeURIComponent(action.name)}`);
    case 'rejected':
      return statusPageResponse(
        tickets,
        result.ticket,
        { failure: { actionName: action.name, message: sentence(result.rejection.message), ...(typed === undefined ? {} : { typed }) } },
        rejectionStatus(result.rejection.code),
      );
    case 'not-found':
      return noAccessResponse();
    case 'unavailable':
      return fail('The support desk is temporarily unavailable: this was NOT recorded. Please send it again in a moment.', 503, typed);
    case 'failed':
      throw new Error(`the ticket service failed: ${result.reason}`);
  }
}
