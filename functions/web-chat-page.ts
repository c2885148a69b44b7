/** GET /chat: the guided chat's page; without JavaScript it offers the form. */
import { app } from '@azure/functions';
import { chatPage } from '../shared/web/chat/chat-page';
import { withPageBoundary } from '../shared/web/page-boundary';
import { CHAT_PAGE_ROUTE } from '../shared/web/site-routes';
import { appTicketServices } from '../shared/ticket-service/app-ticket-services';

app.http('webChatPage', {
  route: CHAT_PAGE_ROUTE,
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: withPageBoundary(() =>
    chatPage(async () => {
      // The desk's name is a comfort: an outage of the store still serves the page, whose script says so.
      const load = await appTicketServices().orgConfig();
      return load.kind === 'loaded' ? load.config.supportDesk.name : undefined;
    }),
  ),
});
