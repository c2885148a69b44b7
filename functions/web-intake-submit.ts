/** POST /: the support request form sent without JavaScript (or with files); answers with the form again, a 303 to the status page, or the ticket's page of refused files. */
import { app, type HttpRequest, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { isMultipart } from '../shared/http-edge/multipart-body';
import { intakeFormPost } from '../shared/web/intake/intake-form-handlers';
import { intakeWithFilesPost } from '../shared/web/intake/intake-with-files';
import { withPageBoundary } from '../shared/web/page-boundary';
import { SITE_ROOT_ROUTE } from '../shared/web/site-routes';
import { intakeWebPorts } from '../shared/web/web-services';

app.http('webIntakeSubmit', {
  route: SITE_ROOT_ROUTE,
  methods: ['POST'],
  authLevel: 'anonymous',
  extraInputs: [df.input.durableClient()],
  handler: withPageBoundary((request: HttpRequest, context: InvocationContext) => {
    const ports = intakeWebPorts(context, true);
    return ports.attachments !== undefined && isMultipart(request) ? intakeWithFilesPost(request, ports, ports.attachments) : intakeFormPost(request, ports);
  }),
});
