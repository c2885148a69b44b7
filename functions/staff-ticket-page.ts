/**
 * GET and POST /staff/tickets/{ticketNumber}: a ticket's page in the staff console, where staff
 * emails lead. Behind the session boundary; its forms go down the staff API's command path, and the
 * Durable client wakes the ticket's orchestration after a change is saved.
 */
import { app, type HttpRequest, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { appAttachments } from '../shared/attachments/app-attachments';
import { appTicketApiPort } from '../shared/http-api/app-ticket-api';
import { withPageBoundary } from '../shared/web/page-boundary';
import { staffPage } from '../shared/web/staff/session/app-staff-session';
import { STAFF_ROUTES } from '../shared/web/staff/staff-routes';
import { staffTicketPage } from '../shared/web/staff/ticket/staff-ticket-handlers';

app.http('staffTicketPage', {
  route: STAFF_ROUTES.ticket,
  methods: ['GET', 'POST'],
  authLevel: 'anonymous',
  extraInputs: [df.input.durableClient()],
  handler: withPageBoundary((request: HttpRequest, context: InvocationContext) =>
    staffPage(staffTicketPage({ port: appTicketApiPort(context), logger: context, attachments: appAttachments() }))(request, context),
  ),
});
