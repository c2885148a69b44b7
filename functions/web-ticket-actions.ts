/**
 * POST /tickets/{ticketNumber}/{action}: the requester's actions as plain form posts (reply,
 * confirm or reject a resolution, answer a downgrade, close, reopen), one route per action of the
 * requester API, each redirecting back to the status page.
 */
import { app, type HttpRequest, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { withPageBoundary } from '../shared/web/page-boundary';
import { requesterActionPost } from '../shared/web/status/ticket-page-handlers';
import { WEB_ACTIONS } from '../shared/web/status/requester-web-actions';
import { TICKET_PAGE_ROUTE } from '../shared/web/site-routes';
import { requesterPagePort, requesterSiteOrigins } from '../shared/web/web-services';

for (const webAction of WEB_ACTIONS) {
  app.http(`web${webAction.action.name.charAt(0).toUpperCase()}${webAction.action.name.slice(1)}`, {
    route: `${TICKET_PAGE_ROUTE}/${webAction.action.pathSuffix}`,
    methods: ['POST'],
    authLevel: 'anonymous',
    extraInputs: [df.input.durableClient()],
    handler: withPageBoundary((request: HttpRequest, context: InvocationContext) => requesterActionPost(request, requesterPagePort(context), webAction, requesterSiteOrigins())),
  });
}
