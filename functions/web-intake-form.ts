/** GET /: the support request form, the requester's way in. */
import { app, type HttpRequest, type InvocationContext } from '@azure/functions';
import { intakeFormPage } from '../shared/web/intake/intake-form-handlers';
import { withPageBoundary } from '../shared/web/page-boundary';
import { SITE_ROOT_ROUTE } from '../shared/web/site-routes';
import { intakeWebPorts } from '../shared/web/web-services';

app.http('webIntakeForm', {
  route: SITE_ROOT_ROUTE,
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: withPageBoundary((_request: HttpRequest, context: InvocationContext) => intakeFormPage(intakeWebPorts(context, false))),
});
