/**
 * The last line of defence of every page function: an exception nobody expected becomes an HTML
 * page that says plainly that nothing is confirmed and quotes a correlation id, while the error
 * itself goes to the log under that id, never to the browser.
 */
import type { HttpHandler } from '@azure/functions';
import { withFailureBoundary } from '../http-edge/problem-boundary';
import { html } from './html';
import { htmlPageResponse } from './html-response';
import { DEFAULT_DESK_NAME, renderPage } from './page-layout';

export function withPageBoundary(handler: HttpHandler): HttpHandler {
  return withFailureBoundary(handler, {
    surface: 'page',
    answer: (correlationId) => {
      const main = html`<div class="notice notice-failed" role="alert"><h1>Something went wrong on our side</h1>
<p>We could not confirm that what you sent was recorded. Please go back and check, then try again in a moment: sending a support request again never creates a second ticket.</p>
<p>If it keeps happening, contact the support desk and quote <strong>${correlationId}</strong>.</p></div>`;
      return htmlPageResponse(renderPage({ title: 'Something went wrong', deskName: DEFAULT_DESK_NAME, main }), {
        status: 500,
        headers: { 'X-Correlation-Id': correlationId },
      });
    },
  });
}
