/**
 * The form posted with files (multipart/form-data). The form's text fields come before its file
 * field, so the ticket is opened as the first file arrives (or at the end when none was chosen),
 * exactly as a form without files would open it; the files then stream into the new ticket. A
 * refused file never costs the request: the ticket opens with the files that passed, and the
 * answer names each refused one and why. A form that does not validate comes back with every
 * value kept (a browser cannot refill a file field, so files are chosen again).
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { attachStoredFiles } from '../../attachments/attach-stored-files';
import { receiveFile, type StoredFile } from '../../attachments/receive-file';
import { FILE_FIELD, type AttachmentPort } from '../../attachments/upload-attachments';
import type { RefusedFile } from '../../attachments/receive-uploads';
import { requesterActor } from '../../http-api/requester-actions';
import { parseFormFields } from '../../http-edge/form-fields';
import { readMultipart } from '../../http-edge/multipart-body';
import { INTAKE_CHECKBOX_FIELDS } from '../../intake/intake-form-post';
import { html } from '../html';
import { htmlPageResponse } from '../html-response';
import { DEFAULT_DESK_NAME, renderPage } from '../page-layout';
import { accessCookie, ticketPagePath } from '../status/access-cookie';
import { openFromForm, receivedRedirect, unreadableForm, type FormIntake, type IntakeWebPorts } from './intake-form-handlers';
import { RECEIVED_FLAG } from './intake-form-handlers';

/** The text fields as the urlencoded form would carry them, read by the same parser. */
function fieldsAsForm(fields: ReadonlyArray<readonly [string, string]>): unknown {
  const parsed = parseFormFields(new URLSearchParams(fields.map(([name, value]): [string, string] => [name, value])).toString(), { checkboxFields: INTAKE_CHECKBOX_FIELDS });
  return parsed.kind === 'parsed' ? parsed.fields : {};
}

function refusedPage(result: Extract<FormIntake, { kind: 'opened' }>['result'], refused: readonly RefusedFile[], attached: number, requestUrl: string): HttpResponseInit {
  const number = result.ticket.ticketNumber;
  const path = ticketPagePath(number);
  const main = html`<h1>Received: ticket <span id="ticket-number">${number}</span></h1>
<div class="notice notice-ok" role="status"><p>We have stored your request and emailed you the link to its page.${attached === 0 ? '' : ` ${String(attached)} of your files ${attached === 1 ? 'was' : 'were'} attached.`}</p></div>
<div class="error-summary" role="alert" tabindex="-1" id="refused-files" autofocus>
<h2>${refused.length === 1 ? 'One file was not attached' : `${String(refused.length)} files were not attached`}</h2>
<ul>${refused.map((file) => html`<li>${file.name}: it ${file.reason}.</li>`)}</ul>
<p>Your request does not depend on them. You can attach other files on your ticket's page.</p>
</div>
<p><a class="button" href="${path}?${RECEIVED_FLAG}=1" id="open-ticket">Go to your ticket</a></p>`;
  return htmlPageResponse(renderPage({ title: `Ticket ${number} received`, deskName: DEFAULT_DESK_NAME, main }), {
    status: 200,
    cookies: [accessCookie(number, result.accessToken, requestUrl)],
  });
}

/** POST / with files. */
export async function intakeWithFilesPost(request: HttpRequest, ports: IntakeWebPorts, attachments: AttachmentPort): Promise<HttpResponseInit> {
  const store = attachments.store;
  const fields: Array<readonly [string, string]> = [];
  const stored: StoredFile[] = [];
  const refused: RefusedFile[] = [];
  let opening: Promise<FormIntake> | undefined;
  const open = (): Promise<FormIntake> => (opening ??= openFromForm(fieldsAsForm(fields), request, ports));

  const read = await readMultipart(
    request,
    { fileBytes: attachments.limits.maxFileBytes + 1, files: attachments.limits.maxFilesPerTicket },
    {
      onField: (name, value) => fields.push([name, value]),
      async onFile(fieldName, fileName, content) {
        const opened = await open();
        // A form sent again with its key finds its ticket already there, files and all.
        if (opened.kind !== 'opened' || opened.result.replayed || store === undefined || fieldName !== FILE_FIELD) return;
        const ready = await store.ensureContainer();
        if (!ready.ok) {
          refused.push({ name: fileName, reason: 'could not be stored just now; attach it again on your ticket’s page' });
          return;
        }
        const received = await receiveFile(store, { ticketNumber: opened.result.ticket.ticketNumber, fileName, content, existing: stored, limits: attachments.limits });
        if (received.kind === 'stored') stored.push(received.file);
        else if (received.kind === 'refused') refused.push({ name: received.name, reason: received.reason });
        else refused.push({ name: received.name, reason: 'could not be stored just now; attach it again on your ticket’s page' });
      },
    },
  );
  if (read.kind === 'malformed' && opening === undefined) return unreadableForm(ports, 400);
  const opened = await open();
  if (opened.kind === 'answer') return opened.response;
  if (read.kind === 'too-many') refused.push({ name: 'Some files', reason: `went past the ${String(attachments.limits.maxFilesPerTicket)} files a ticket may carry` });
  if (stored.length > 0 && store !== undefined && ports.applyToTicket !== undefined) {
    const ticket = opened.result.ticket;
    const result = await attachStoredFiles(ports.applyToTicket, store, {
      ticketNumber: ticket.ticketNumber,
      files: stored,
      actor: requesterActor(ticket),
      visibility: 'requester',
      limits: attachments.limits,
      now: ports.now?.() ?? ticket.updatedAt,
    });
    if (result.kind !== 'applied' && result.kind !== 'unchanged') {
      refused.push(...stored.map((file) => ({ name: file.name, reason: 'could not be recorded just now; attach it again on your ticket’s page' })));
      stored.length = 0;
    }
  }
  if (refused.length === 0) return receivedRedirect(opened.result, request);
  return refusedPage(opened.result, refused, stored.length, request.url);
}
