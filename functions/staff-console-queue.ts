/** GET /staff/queue: the queue with its filters; POST: a team lead assigns from the list (behind the staff session). */
import { app, type HttpRequest, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { withPageBoundary } from '../shared/web/page-boundary';
import { queuePage } from '../shared/web/staff/console-pages';
import { appConsolePort } from '../shared/web/staff/console-port';
import { staffPage } from '../shared/web/staff/session';
import { STAFF_ROUTES } from '../shared/web/staff/staff-routes';

app.http('staffConsoleQueue', {
  route: STAFF_ROUTES.queue,
  methods: ['GET', 'POST'],
  authLevel: 'anonymous',
  // The Durable client wakes the ticket's orchestration after an assignment is saved.
  extraInputs: [df.input.durableClient()],
  handler: withPageBoundary((request: HttpRequest, context: InvocationContext) => staffPage(queuePage(appConsolePort(context)))(request, context)),
});
