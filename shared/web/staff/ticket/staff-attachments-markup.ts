/**
 * A ticket's files on its console page: each with its size, sender, who may see it, and a download
 * link; and the form that adds files, with the limits beside the field and refused files named there.
 */
import type { RefusedFile } from '../../../attachments/receive-uploads';
import { PAGE_FIELD, VISIBILITY_FIELD } from '../../../attachments/upload-attachments';
import type { Attachment, AttachmentVisibility } from '../../../domain/attachments/attachment';
import { readableSize, type AttachmentLimits } from '../../../domain/attachments/attachment-limits';
import { html, type SafeHtml } from '../../html';
import { fileField } from '../../status/attachments-markup';
import { formatInstant } from '../../status/requester-time';
import { CSRF_FIELD } from '../session/post-guard';
import { staffTicketPath } from '../staff-routes';

export function staffAttachmentPath(ticketNumber: string, id: string): string {
  return `${staffTicketPath(ticketNumber)}/attachments/${encodeURIComponent(id)}`;
}

/** The upload form's post: a route of its own, so the command forms' urlencoded reading stays as it is. */
export function staffAttachmentUploadPath(ticketNumber: string): string {
  return `${staffTicketPath(ticketNumber)}/attachments`;
}

export interface StaffUploadForm {
  readonly limits: AttachmentLimits;
  readonly refused: readonly RefusedFile[];
  /** What the person chose when some files were refused, kept for the files they choose again. */
  readonly visibility?: AttachmentVisibility;
}

function fileRow(ticketNumber: string, file: Attachment, zone: string): SafeHtml {
  const internal = file.visibility === 'internal';
  return html`<li data-attachment-id="${file.id}"><a href="${staffAttachmentPath(ticketNumber, file.id)}" download="${file.name}">${file.name}</a>
<span class="tag ${internal ? 'tag-internal' : 'tag-customer'}">${internal ? 'Internal' : 'Customer sees this'}</span>
<span class="by">${readableSize(file.size)}, from ${file.uploadedBy.name ?? file.uploadedBy.role}, ${formatInstant(file.uploadedAt, zone)}</span></li>`;
}

/**
 * The token is the form's first part: the session boundary reads it before any file. Internal is
 * chosen unless the person says otherwise, since a file shown by mistake cannot be unseen.
 */
function uploadForm(ticketNumber: string, csrfToken: string, pageId: string, upload: StaffUploadForm): SafeHtml {
  const shown = upload.visibility === 'requester';
  return html`<form method="post" action="${staffAttachmentUploadPath(ticketNumber)}" enctype="multipart/form-data" id="attach-form" data-submit-once>
<input type="hidden" name="${CSRF_FIELD}" value="${csrfToken}">
<input type="hidden" name="${PAGE_FIELD}" value="${pageId}">
<fieldset class="field">
<legend>Who may see the files</legend>
<label><input type="radio" name="${VISIBILITY_FIELD}" value="internal"${shown ? '' : html` checked`}> Internal: staff only</label>
<label><input type="radio" name="${VISIBILITY_FIELD}" value="requester"${shown ? html` checked` : ''}> Visible to the requester</label>
</fieldset>
${fileField(upload.limits, upload.refused, 'Add files')}
<button type="submit" class="button button-secondary"${upload.refused.length === 0 ? '' : html` autofocus`}>Attach</button>
</form>`;
}

export interface UploadFormContext {
  readonly csrfToken: string;
  /** A fresh id for each drawing of the page: the same files sent twice from it are attached once. */
  readonly pageId: string;
}

export function staffAttachmentsSection(ticketNumber: string, files: readonly Attachment[], zone: string, upload?: StaffUploadForm & UploadFormContext): SafeHtml {
  return html`<section class="panel" id="attachments" aria-labelledby="attachments-title">
<h2 id="attachments-title">Files</h2>
${files.length === 0 ? html`<p>No files yet.</p>` : html`<ul class="attachments" id="attachment-list">${files.map((file) => fileRow(ticketNumber, file, zone))}</ul>`}
${upload === undefined ? '' : uploadForm(ticketNumber, upload.csrfToken, upload.pageId, upload)}
</section>`;
}
