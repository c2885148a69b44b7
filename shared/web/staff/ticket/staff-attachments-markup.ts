/** A ticket's files on its console page: each with its size, sender, who may see it, and a download link. */
import type { Attachment } from '../../../domain/attachments/attachment';
import { readableSize } from '../../../domain/attachments/attachment-limits';
import { html, type SafeHtml } from '../../html';
import { formatInstant } from '../../status/requester-time';
import { staffTicketPath } from '../staff-routes';

export function staffAttachmentPath(ticketNumber: string, id: string): string {
  return `${staffTicketPath(ticketNumber)}/attachments/${encodeURIComponent(id)}`;
}

function fileRow(ticketNumber: string, file: Attachment, zone: string): SafeHtml {
  const internal = file.visibility === 'internal';
  return html`<li data-attachment-id="${file.id}"><a href="${staffAttachmentPath(ticketNumber, file.id)}" download="${file.name}">${file.name}</a>
<span class="tag ${internal ? 'tag-internal' : 'tag-customer'}">${internal ? 'Internal' : 'Customer sees this'}</span>
<span class="by">${readableSize(file.size)}, from ${file.uploadedBy.name ?? file.uploadedBy.role}, ${formatInstant(file.uploadedAt, zone)}</span></li>`;
}

export function staffAttachmentsSection(ticketNumber: string, files: readonly Attachment[], zone: string): SafeHtml {
  return html`<section class="panel" id="attachments" aria-labelledby="attachments-title">
<h2 id="attachments-title">Files</h2>
${files.length === 0 ? html`<p>No files yet.</p>` : html`<ul class="attachments" id="attachment-list">${files.map((file) => fileRow(ticketNumber, file, zone))}</ul>`}
</section>`;
}
