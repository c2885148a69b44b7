/**
 * GET /staff/tickets/{ticketNumber}/attachments/{attachmentId}: a file downloaded from the console,
 * behind the session boundary like every console page, served like the API's download.
 */
import type { HttpResponseInit } from '@azure/functions';
import { downloadAnswer } from '../../../attachments/download-answer';
import type { AttachmentPort } from '../../../attachments/upload-attachments';
import { attachmentFor } from '../../../domain/attachments/attachment-access';
import { TicketNumberSchema } from '../../../domain/ticket/ticket-number';
import type { TicketApiPort } from '../../../http-api/ticket-api-port';
import { html } from '../../html';
import { htmlPageResponse } from '../../html-response';
import { DEFAULT_DESK_NAME, renderPage } from '../../page-layout';
import type { StaffPageHandler } from '../staff-session';

function notHere(status = 404, what = 'There is no such file on this ticket.'): HttpResponseInit {
  return htmlPageResponse(renderPage({ title: 'File not available', deskName: DEFAULT_DESK_NAME, main: html`<h1>File not available</h1><p>${what}</p>` }), { status });
}

export function staffAttachmentDownload(port: TicketApiPort, attachments: AttachmentPort): StaffPageHandler {
  return async (request) => {
    const ticketNumber = TicketNumberSchema.safeParse(request.params.ticketNumber);
    if (!ticketNumber.success || attachments.store === undefined) return notHere();
    const read = await port.readTicket(ticketNumber.data);
    if (read.kind === 'failed' && read.failure.kind === 'unavailable') return notHere(503, 'The file is safe, but it cannot be read right now.');
    if (read.kind !== 'found') return notHere();
    const attachment = attachmentFor(read.ticket, request.params.attachmentId ?? '', 'staff');
    if (attachment === undefined) return notHere();
    const answer = await downloadAnswer(attachments.store, read.ticket.ticketNumber, attachment);
    if (answer.ok) return answer.response;
    return answer.failure.kind === 'unavailable' ? notHere(503, 'The file is safe, but it cannot be read right now.') : notHere();
  };
}
