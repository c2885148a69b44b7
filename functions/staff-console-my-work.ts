/** GET /staff: My work, the console's landing page (behind the staff session). */
import { app, type HttpRequest, type InvocationContext } from '@azure/functions';
import { withPageBoundary } from '../shared/web/page-boundary';
import { myWorkPage } from '../shared/web/staff/console-pages';
import { appConsolePort } from '../shared/web/staff/console-port';
import { staffPage } from '../shared/web/staff/session';
import { STAFF_ROUTES } from '../shared/web/staff/staff-routes';

app.http('staffConsoleMyWork', {
  route: STAFF_ROUTES.myWork,
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: withPageBoundary((request: HttpRequest, context: InvocationContext) => staffPage(myWorkPage(appConsolePort(context)))(request, context)),
});
