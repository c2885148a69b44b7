/**
 * Files on the requester's pages: the ticket's files with a download link each, and the file field
 * (on the status page and the intake form) with the allow-list and limits said up front and every
 * refused file named beside it with its reason.
 */
import { ACCEPTED_EXTENSIONS } from '../../domain/attachments/attachment-kinds';
import { readableSize, type AttachmentLimits } from '../../domain/attachments/attachment-limits';
import type { CustomerAttachment } from '../../http-api/attachment-views';
import { html, type SafeHtml } from '../html';
import { formatInstant } from './requester-time';

export const FILE_INPUT_ID = 'attachment-files';

export interface RefusedFileNotice {
  readonly name: string;
  readonly reason: string;
}

/** The `accept` list browsers filter their file picker with; the server still judges the content. */
const ACCEPT = ACCEPTED_EXTENSIONS.map((extension) => `.${extension}`).join(',');

export function attachmentPath(pagePath: string, id: string): string {
  return `${pagePath}/attachments/${encodeURIComponent(id)}`;
}

/** The file input and what it takes; refused files are listed as its error. */
export function fileField(limits: AttachmentLimits, refused: readonly RefusedFileNotice[] = [], label = 'Files (optional)'): SafeHtml {
  const hint = `Logs, text, JSON, HAR, zip, PNG, JPEG, GIF, WebP, PDF, .evtx or .etl; up to ${readableSize(limits.maxFileBytes)} each, ${readableSize(limits.maxTicketBytes)} and ${String(limits.maxFilesPerTicket)} files per ticket.`;
  const errors = refused.length === 0 ? '' : html`<div class="field-error" id="${FILE_INPUT_ID}-error" role="alert"><ul>${refused.map((file) => html`<li>${file.name} was not attached: it ${file.reason}.</li>`)}</ul></div>`;
  return html`<div class="field${refused.length === 0 ? '' : ' has-error'}">
<label for="${FILE_INPUT_ID}">${label}</label>
<span class="hint" id="${FILE_INPUT_ID}-hint">${hint}</span>
${errors}
<input type="file" id="${FILE_INPUT_ID}" name="file" multiple accept="${ACCEPT}" aria-describedby="${FILE_INPUT_ID}-hint${refused.length === 0 ? '' : ` ${FILE_INPUT_ID}-error`}"${refused.length === 0 ? '' : html` aria-invalid="true"`}>
</div>`;
}

function fileRow(file: CustomerAttachment, pagePath: string, zone: string): SafeHtml {
  return html`<li data-attachment-id="${file.id}"><a href="${attachmentPath(pagePath, file.id)}" download="${file.name}">${file.name}</a> <span class="hint">${readableSize(file.size)}, ${file.from === 'you' ? 'from you' : 'from support'}, ${formatInstant(file.uploadedAt, zone)}</span></li>`;
}

export interface AttachmentsSection {
  readonly files: readonly CustomerAttachment[];
  readonly pagePath: string;
  readonly zone: string;
  /** Absent when files cannot be added now (a closed ticket, or no storage). */
  readonly upload?: { readonly limits: AttachmentLimits; readonly refused: readonly RefusedFileNotice[] };
}

export function attachmentsSection(section: AttachmentsSection): SafeHtml {
  const list =
    section.files.length === 0
      ? html`<p>No files yet.</p>`
      : html`<ul class="attachments" id="attachment-list">${section.files.map((file) => fileRow(file, section.pagePath, section.zone))}</ul>`;
  const form =
    section.upload === undefined
      ? ''
      : html`<form method="post" action="${section.pagePath}/attachments" enctype="multipart/form-data" id="attach-form">
${fileField(section.upload.limits, section.upload.refused, 'Add files')}
<button type="submit" class="button button-secondary"${section.upload.refused.length === 0 ? '' : html` autofocus`}>Attach</button>
</form>`;
  return html`<section class="panel" id="attachments" aria-labelledby="attachments-title">
<h2 id="attachments-title">Files</h2>
${list}
${form}
</section>`;
}
