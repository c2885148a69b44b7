/**
 * The ticket page in the console's frame, and the page for a ticket that does not exist. Neither
 * marks a navigation entry: a ticket is reached from the lists and from staff emails.
 */
import type { HttpResponseInit } from '@azure/functions';
import { html, type SafeHtml } from '../../html';
import { htmlPageResponse } from '../../html-response';
import { renderConsolePage } from '../console-frame';
import { STAFF_ROUTES } from '../staff-routes';
import type { StaffSession } from '../staff-session';

export interface TicketPageFrame {
  readonly title: string;
  readonly session: StaffSession;
  readonly deskName?: string;
  readonly main: SafeHtml;
  /** Said above everything else when a post could not be taken at all. */
  readonly alert?: string;
  /** The app's time the page was drawn at, which the countdowns count from. */
  readonly renderedAt?: string;
}

export function ticketPageDocument(frame: TicketPageFrame): SafeHtml {
  const alert = frame.alert === undefined ? '' : html`<div class="error-summary" role="alert" id="page-alert"><p>${frame.alert}</p></div>`;
  return renderConsolePage({
    title: frame.title,
    session: frame.session,
    ...(frame.deskName === undefined ? {} : { deskName: frame.deskName }),
    ...(frame.renderedAt === undefined ? {} : { renderedAt: frame.renderedAt }),
    body: html`${alert}${frame.main}`,
  });
}

export function ticketNotFoundPage(ticketNumber: string, session: StaffSession): HttpResponseInit {
  const main = html`<h1>No such ticket</h1>
<p>There is no ticket <strong>${ticketNumber}</strong>. Check the number in the link or the email you followed.</p>
<p><a class="button button-secondary" href="/${STAFF_ROUTES.myWork}">Back to my work</a></p>`;
  return htmlPageResponse(ticketPageDocument({ title: 'Ticket not found', session, main }), { status: 404 });
}
