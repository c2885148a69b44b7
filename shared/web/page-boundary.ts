/**
 * The last line of defence of every page function: an exception nobody expected becomes an HTML
 * page that says plainly that nothing is confirmed and quotes a correlation id, while the error
 * itself goes to the log under that id, never to the browser.
 */
import { randomUUID } from 'node:crypto';
import type { HttpHandler, HttpRequest, HttpResponse, HttpResponseInit, InvocationContext } from '@azure/functions';
import { html } from './html';
import { htmlPageResponse } from './html-response';
import { DEFAULT_DESK_NAME, renderPage } from './page-layout';

export function withPageBoundary(handler: HttpHandler): HttpHandler {
  return async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit | HttpResponse> => {
    try {
      return await handler(request, context);
    } catch (error: unknown) {
      const correlationId = randomUUID();
      context.error('Unhandled error in a page function', {
        correlationId,
        invocationId: context.invocationId,
        method: request.method,
        url: new URL(request.url).pathname,
        error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
      });
      const main = html`<div class="notice notice-failed" role="alert"><h1>Something went wrong on our side</h1>
<p>We could not confirm that what you sent was recorded. Please go back and check, then try again in a moment: sending a support request again never creates a second ticket.</p>
<p>If it keeps happening, contact the support desk and quote <strong>${correlationId}</strong>.</p></div>`;
      return htmlPageResponse(renderPage({ title: 'Something went wrong', deskName: DEFAULT_DESK_NAME, main }), {
        status: 500,
        headers: { 'X-Correlation-Id': correlationId },
      });
    }
  };
}
