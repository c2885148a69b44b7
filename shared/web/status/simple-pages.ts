/**
 * The short pages the status routes answer with when there is no ticket to show: no access (one
 * page for every reason), and the store being temporarily unavailable.
 */
import type { HttpResponseInit } from '@azure/functions';
import { html } from '../html';
import { htmlPageResponse } from '../html-response';
import { DEFAULT_DESK_NAME, renderPage } from '../page-layout';

export function noAccessResponse(): HttpResponseInit {
  const main = html`<h1>We cannot open this ticket</h1>
<p>This page needs the personal link we emailed you when you opened the ticket. Please open that link again (your browser must allow cookies for this site).</p>
<p>If you cannot find the email, contact the support desk and quote your ticket number.</p>
<p><a class="button button-secondary" href="/">Open a new support request</a></p>`;
  return htmlPageResponse(renderPage({ title: 'Ticket not available', deskName: DEFAULT_DESK_NAME, main }), { status: 404 });
}

export function unavailableResponse(retryAfterSeconds: number, whatHappened: string): HttpResponseInit {
  const main = html`<div class="notice notice-failed" role="alert"><h1>The support desk is temporarily unavailable</h1>
<p>${whatHappened}</p>
<p>Please try again in ${String(retryAfterSeconds)} seconds.</p></div>`;
  return htmlPageResponse(renderPage({ title: 'Temporarily unavailable', deskName: DEFAULT_DESK_NAME, main }), {
    status: 503,
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });
}
