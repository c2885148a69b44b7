/**
 * The frame the ticket page is drawn in, and the page for a ticket that does not exist. The frame
 * stands in for the console's own until that is on main: the requester pages' layout, titled
 * for the console.
 */
import type { HttpResponseInit } from '@azure/functions';
import { html, type SafeHtml } from '../../html';
import { htmlPageResponse } from '../../html-response';
import { DEFAULT_DESK_NAME, renderPage } from '../../page-layout';

export interface ConsolePageFrame {
  readonly title: string;
  readonly deskName: string;
  readonly main: SafeHtml;
  /** Said above everything else when a post could not be taken at all. */
  readonly alert?: string;
}

export function consolePage(frame: ConsolePageFrame): SafeHtml {
  const alert = frame.alert === undefined ? '' : html`<div class="error-summary" role="alert" id="page-alert"><p>${frame.alert}</p></div>`;
  return renderPage({ title: `${frame.title} · Staff console`, deskName: frame.deskName, main: html`${alert}${frame.main}` });
}

export function ticketNotFoundPage(ticketNumber: string): HttpResponseInit {
  const main = html`<h1>No such ticket</h1>
<p>There is no ticket <strong>${ticketNumber}</strong>. Check the number in the link or the email you followed.</p>
<p><a class="button button-secondary" href="/staff">Back to my work</a></p>`;
  return htmlPageResponse(consolePage({ title: 'Ticket not found', deskName: DEFAULT_DESK_NAME, main }), { status: 404 });
}
