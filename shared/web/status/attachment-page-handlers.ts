/**
 * Files on the status page, with the requester's access cookie: the upload form's post (multipart,
 * from this site only) and each file's download. Files that pass are attached and the page says
 * how many; a refused one re-renders the page with it named beside the field, the others attached.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { downloadAnswer } from '../../attachments/download-answer';
import { uploadAttachments, type AttachmentPort } from '../../attachments/upload-attachments';
import { attachmentFor } from '../../domain/attachments/attachment-access';
import { requesterActor } from '../../http-api/requester-actions';
import { rejectionStatus } from '../../http-api/rejection-problem';
import { htmlPageResponse, seeOther } from '../html-response';
import type { RequesterPagePort } from '../requester-page-port';
import { ticketPagePath } from './access-cookie';
import { formPostOrigin } from './form-post-origin';
import { cookieTokens, ticketAccess, ticketNumberParameter } from './requester-access';
import { noAccessResponse, unavailableResponse } from './simple-pages';
import { ATTACHED_PARAMETER, sentence, statusPageResponse } from './ticket-page-handlers';
import { DEFAULT_DESK_NAME, renderPage } from '../page-layout';
import { html } from '../html';

export const ATTACHMENTS_ROUTE_SUFFIX = 'attachments';

function fileNotFound(): HttpResponseInit {
  const main = html`<h1>File not found</h1><p>There is no such file on this ticket, or it is not yours to see.</p>`;
  return htmlPageResponse(renderPage({ title: 'File not found', deskName: DEFAULT_DESK_NAME, main }), { status: 404 });
}

/** POST /tickets/{ticketNumber}/attachments */
export async function attachmentUploadPost(request: HttpRequest, tickets: RequesterPagePort, attachments: AttachmentPort): Promise<HttpResponseInit> {
  const ticketNumber = ticketNumberParameter(request);
  if (ticketNumber === undefined || formPostOrigin(request) !== 'same-origin') return noAccessResponse();
  const access = await ticketAccess(tickets, ticketNumber, cookieTokens(request));
  if (access.kind === 'unavailable') return unavailableResponse(access.retryAfterSeconds, 'No file was attached. Please go back and send them again.');
  if (access.kind === 'denied') return noAccessResponse();
  const outcome = await uploadAttachments((n, decide, now, options) => tickets.applyToTicket(n, decide, now, options), attachments, {
    ticket: access.ticket,
    actor: requesterActor(access.ticket),
    source: request,
    mayMarkInternal: false,
    now: tickets.now(),
  });
  const page = (status: number, message?: string, refused: readonly { name: string; reason: string }[] = []) =>
    statusPageResponse(tickets, access.ticket, { attachments, refusedFiles: refused, ...(message === undefined ? {} : { failure: { actionName: 'attach', message } }) }, status);
  switch (outcome.kind) {
    case 'done': {
      if (outcome.refused.length === 0 && outcome.attached.length > 0) return seeOther(`${ticketPagePath(ticketNumber)}?${ATTACHED_PARAMETER}=${String(outcome.attached.length)}`);
      if (outcome.refused.length === 0) return page(400, undefined, [{ name: 'No file', reason: 'was chosen' }]);
      const kept = outcome.attached.length;
      const flash = kept === 0 ? undefined : `${String(kept)} of your files ${kept === 1 ? 'was' : 'were'} attached.`;
      return statusPageResponse(tickets, outcome.ticket, { attachments, refusedFiles: outcome.refused, ...(flash === undefined ? {} : { flash }) }, 422);
    }
    case 'not-multipart':
    case 'unreadable':
    case 'invalid-visibility':
      return page(400, 'The files could not be read. Nothing was attached.');
    case 'not-configured':
      return page(503, 'Files cannot be attached here right now.');
    case 'rejected':
      return page(rejectionStatus(outcome.rejection.code), sentence(outcome.rejection.message));
    case 'not-found':
      return noAccessResponse();
    case 'unavailable':
      return page(503, 'The support desk is temporarily unavailable: no file was attached. Please send them again in a moment.');
    case 'failed':
      throw new Error(`attaching files failed: ${outcome.reason}`);
  }
}

/** GET /tickets/{ticketNumber}/attachments/{attachmentId} */
export async function attachmentDownloadGet(request: HttpRequest, tickets: RequesterPagePort, attachments: AttachmentPort): Promise<HttpResponseInit> {
  const ticketNumber = ticketNumberParameter(request);
  if (ticketNumber === undefined) return noAccessResponse();
  const access = await ticketAccess(tickets, ticketNumber, cookieTokens(request));
  if (access.kind === 'unavailable') return unavailableResponse(access.retryAfterSeconds, 'Your file is safe, but we cannot give it to you right now.');
  if (access.kind === 'denied') return noAccessResponse();
  const attachment = attachmentFor(access.ticket, request.params.attachmentId ?? '', 'requester');
  if (attachment === undefined || attachments.store === undefined) return fileNotFound();
  const answer = await downloadAnswer(attachments.store, ticketNumber, attachment);
  if (answer.ok) return answer.response;
  if (answer.failure.kind === 'unavailable') return unavailableResponse(answer.failure.retryAfterSeconds, 'Your file is safe, but we cannot give it to you right now.');
  return fileNotFound();
}
