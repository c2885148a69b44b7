/**
 * POST /staff/tickets/{ticketNumber}/attachments: the console's upload form. The session boundary
 * has checked the session, the origin and the token (the form's first part) before this runs; the
 * files then go through the same upload path as the API's. All attached: post/redirect/get to the
 * ticket's page. Some refused: the page again, each refused file named beside the field, the
 * others attached.
 */
import type { HttpResponseInit } from '@azure/functions';
import { uploadAttachments, VISIBILITY_FIELD, type AttachmentPort } from '../../../attachments/upload-attachments';
import { AttachmentVisibilitySchema } from '../../../domain/attachments/attachment';
import { ticketNumberOf } from '../../../http-api/request-parts';
import { rejectionStatus } from '../../../http-api/rejection-problem';
import { staffActor } from '../../../http-api/staff-actor';
import { sentence } from '../../status/ticket-page-handlers';
import { seeOther } from '../../html-response';
import { staffTicketPath } from '../staff-routes';
import type { StaffPageHandler } from '../staff-session';
import { ticketNotFoundPage } from './staff-ticket-frame';
import { ATTACHED_PARAMETER, load, pageResponse, type StaffTicketPagePort } from './staff-ticket-handlers';

export interface StaffAttachmentUploadDependencies {
  readonly port: StaffTicketPagePort;
  readonly attachments: AttachmentPort;
}

export function staffAttachmentUpload(dependencies: StaffAttachmentUploadDependencies): StaffPageHandler {
  return async (request, session) => {
    const ticketNumber = ticketNumberOf(request);
    if (ticketNumber === undefined) return ticketNotFoundPage(request.params.ticketNumber ?? '', session);
    const { port, attachments } = dependencies;
    const loaded = await load(port, session, ticketNumber);
    if (!loaded.ok) return loaded.response;
    const outcome = await uploadAttachments((n, decide, now, options) => port.applyToTicket(n, decide, now, options), attachments, {
      ticket: loaded.ticket,
      actor: staffActor(session.principal, 'attach-file', loaded.org.roster.engineers),
      source: request,
      mayMarkInternal: true,
      now: port.now(),
    });
    const page = (status: number, formProblem: string): Promise<HttpResponseInit> => pageResponse(dependencies, session, ticketNumber, { formProblem }, status);
    switch (outcome.kind) {
      case 'done': {
        const kept = outcome.attached.length;
        if (outcome.refused.length === 0 && kept > 0) return seeOther(`${staffTicketPath(ticketNumber)}?${ATTACHED_PARAMETER}=${String(kept)}#attachments`);
        const refused = outcome.refused.length === 0 ? [{ name: 'No file', reason: 'was chosen' }] : outcome.refused;
        const flash = kept === 0 ? undefined : `${String(kept)} of the files ${kept === 1 ? 'was' : 'were'} attached.`;
        const chosen = AttachmentVisibilitySchema.safeParse(outcome.fields[VISIBILITY_FIELD]?.at(-1));
        const extras = { refusedFiles: refused, ...(flash === undefined ? {} : { flash }), ...(chosen.success ? { chosenVisibility: chosen.data } : {}) };
        return pageResponse(dependencies, session, ticketNumber, extras, outcome.refused.length === 0 ? 400 : 422);
      }
      case 'not-multipart':
      case 'unreadable':
      case 'invalid-visibility':
        return page(400, 'The files could not be read. Nothing was attached.');
      case 'not-configured':
        return page(503, 'Files cannot be attached here right now.');
      case 'rejected':
        return page(rejectionStatus(outcome.rejection.code), `${sentence(outcome.rejection.message)} Nothing was attached.`);
      case 'not-found':
        return ticketNotFoundPage(ticketNumber, session);
      case 'unavailable':
        return page(503, 'The ticket is safe, but no file was attached: the store is unavailable. Please send them again in a moment.');
      case 'failed':
        throw new Error(`attaching files failed: ${outcome.reason}`);
    }
  };
}
