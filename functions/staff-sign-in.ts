/**
 * The staff console's sign-in routes: GET /staff/sign-in (off to the identity provider), GET
 * /staff/sign-in/callback (its answer), POST /staff/sign-out (behind the session boundary, so only
 * with the session's CSRF token) and GET /staff/signed-out.
 */
import { app, type HttpRequest, type InvocationContext } from '@azure/functions';
import { withPageBoundary } from '../shared/web/page-boundary';
import { STAFF_ROUTES } from '../shared/web/staff/staff-routes';
import { appStaffSessionDependencies, staffPage } from '../shared/web/staff/session/app-staff-session';
import { signedOutHandler, signInCallbackHandler, signInHandler, signOutPageHandler } from '../shared/web/staff/session/sign-in-handlers';

app.http('staffSignIn', {
  route: STAFF_ROUTES.signIn,
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: withPageBoundary((request: HttpRequest, context: InvocationContext) => signInHandler(appStaffSessionDependencies())(request, context)),
});

app.http('staffSignInCallback', {
  route: STAFF_ROUTES.signInCallback,
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: withPageBoundary((request: HttpRequest, context: InvocationContext) => signInCallbackHandler(appStaffSessionDependencies())(request, context)),
});

app.http('staffSignOut', {
  route: STAFF_ROUTES.signOut,
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: withPageBoundary(staffPage((request, session) => signOutPageHandler(appStaffSessionDependencies())(request, session))),
});

app.http('staffSignedOut', {
  route: STAFF_ROUTES.signedOut,
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: withPageBoundary(signedOutHandler),
});
