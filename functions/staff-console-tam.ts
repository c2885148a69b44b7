/** GET /staff/tam: a TAM's customers' open tickets and their digest list (behind the staff session). */
import { app, type HttpRequest, type InvocationContext } from '@azure/functions';
import { withPageBoundary } from '../shared/web/page-boundary';
import { tamPage } from '../shared/web/staff/console-pages';
import { appConsolePort } from '../shared/web/staff/console-port';
import { staffPage } from '../shared/web/staff/session';
import { STAFF_ROUTES } from '../shared/web/staff/staff-routes';

app.http('staffConsoleTam', {
  route: STAFF_ROUTES.tam,
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: withPageBoundary((request: HttpRequest, context: InvocationContext) => staffPage(tamPage(appConsolePort(context)))(request, context)),
});
