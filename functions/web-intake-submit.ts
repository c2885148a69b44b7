/** POST /: the support request form sent without JavaScript; answers with the form again or a 303 to the status page. */
import { app, type HttpRequest, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { intakeFormPost } from '../shared/web/intake/intake-form-handlers';
import { withPageBoundary } from '../shared/web/page-boundary';
import { SITE_ROOT_ROUTE } from '../shared/web/site-routes';
import { intakeWebPorts } from '../shared/web/web-services';

app.http('webIntakeSubmit', {
  route: SITE_ROOT_ROUTE,
  methods: ['POST'],
  authLevel: 'anonymous',
  extraInputs: [df.input.durableClient()],
  handler: withPageBoundary((request: HttpRequest, context: InvocationContext) => intakeFormPost(request, intakeWebPorts(context, true))),
});
