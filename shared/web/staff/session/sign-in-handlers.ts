/**
 * The sign-in routes: start a sign-in (state, nonce and PKCE verifier sealed in a short-lived
 * cookie, then off to the identity provider), finish it at the callback (the code exchanged and the
 * ID token checked by the OIDC client, then the session cookie set), sign out, and the page after.
 */
import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { z } from 'zod';
import type { Clock } from '../../../clock';
import { eventLog } from '../../../logging/structured-log';
import { seeOther } from '../../html-response';
import { STAFF_ROUTES } from '../staff-routes';
import type { StaffPageHandler } from '../staff-session';
import type { SignInChecks, SignInClient } from './oidc-sign-in-client';
import { safeReturnTo } from './return-to';
import { openClaims, sealClaims } from './sealed-claims';
import { clearedStaffCookie, cookieValue, staffCookie, staffCookieName } from './session-cookies';
import type { SessionKeySource } from './session-keys';
import { leavingForProviderSignOutPage, noRolePage, signedOutPage, signInFailedPage, signInUnavailablePage } from './session-pages';
import { DEFAULT_SESSION_LIFETIMES, sealSession, sessionExpiry, staffRolesOf, startedSession, type SessionLifetimes } from './staff-session-codec';

export type SignInClientRead =
  | { readonly kind: 'ready'; readonly client: SignInClient }
  | { readonly kind: 'unavailable'; readonly reason: string };

export interface SignInDependencies {
  readonly clock: Clock;
  readonly sessionKeys: SessionKeySource;
  readonly signInClient: () => Promise<SignInClientRead>;
  /** Where the identity provider sends the browser after signing out: the signed-out page. */
  readonly signedOutUrl: string;
  readonly lifetimes?: SessionLifetimes;
}

/** Long enough to type a password and pass MFA, short enough that a stale tab cannot finish. */
const SIGN_IN_ROUND_TRIP_SECONDS = 10 * 60;

const SignInCookieSchema = z.object({
  state: z.string().min(1),
  nonce: z.string().min(1),
  verifier: z.string().min(43),
  return_to: z.string(),
});

type Ready<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly response: HttpResponseInit };

async function prerequisites(dependencies: SignInDependencies, context: InvocationContext): Promise<Ready<{ keys: readonly Uint8Array[]; client: SignInClient }>> {
  const keys = await dependencies.sessionKeys();
  if (keys.kind !== 'ready') {
    eventLog(context).error('staff-sign-in.keys-unavailable', { reason: keys.reason });
    return { ok: false, response: signInUnavailablePage('The key that protects staff sessions is not available.') };
  }
  const client = await dependencies.signInClient();
  if (client.kind !== 'ready') {
    eventLog(context).error('staff-sign-in.client-unavailable', { reason: client.reason });
    return { ok: false, response: signInUnavailablePage('Baton could not reach the identity provider, or sign-in is not set up yet.') };
  }
  return { ok: true, value: { keys: keys.keys, client: client.client } };
}

/** GET /staff/sign-in?returnTo=/staff/…: off to the identity provider. */
export function signInHandler(dependencies: SignInDependencies): HttpHandler {
  return async (request: HttpRequest, context: InvocationContext) => {
    const ready = await prerequisites(dependencies, context);
    if (!ready.ok) return ready.response;
    const [key] = ready.value.keys;
    if (key === undefined) return signInUnavailablePage('No key protects staff sessions.');
    const now = dependencies.clock.now();
    const { authorizationUrl, checks } = ready.value.client.begin();
    const claims = { state: checks.state, nonce: checks.nonce, verifier: checks.codeVerifier, return_to: safeReturnTo(request.query.get('returnTo')) };
    const sealed = await sealClaims(claims, 'baton:staff-sign-in', key, now, new Date(now.getTime() + SIGN_IN_ROUND_TRIP_SECONDS * 1000));
    return seeOther(authorizationUrl, [staffCookie('sign-in', request.url, sealed, SIGN_IN_ROUND_TRIP_SECONDS)]);
  };
}

/** GET /staff/sign-in/callback?code=…&state=…: the identity provider's answer. */
export function signInCallbackHandler(dependencies: SignInDependencies): HttpHandler {
  const lifetimes = dependencies.lifetimes ?? DEFAULT_SESSION_LIFETIMES;
  return async (request: HttpRequest, context: InvocationContext) => {
    const ready = await prerequisites(dependencies, context);
    if (!ready.ok) return ready.response;
    const { keys, client } = ready.value;
    const now = dependencies.clock.now();
    const clearSignIn = clearedStaffCookie('sign-in', request.url);
    const opened = await openClaims(cookieValue(request, staffCookieName('sign-in', request.url)) ?? '', 'baton:staff-sign-in', keys, now);
    const started = opened.kind === 'opened' ? SignInCookieSchema.safeParse(opened.payload) : undefined;
    if (started === undefined || !started.success) {
      return signInFailedPage('This sign-in took too long, or was started in another browser or tab. Please sign in again.');
    }
    const checks: SignInChecks = { state: started.data.state, nonce: started.data.nonce, codeVerifier: started.data.verifier };
    const finished = await client.finish(request.url, checks);
    if (finished.kind !== 'signed-in') {
      // Reason codes only: the library's and the provider's messages can quote the state or nonce.
      const refused = finished.kind === 'refused-by-provider';
      eventLog(context).warn('staff-sign-in.failed', { outcome: finished.kind, reason: refused ? 'refused-by-provider' : finished.reason, providerError: refused ? finished.error : undefined });
      const detail = refused ? `The identity provider answered: ${finished.detail}` : 'The answer from the identity provider did not check out, so nobody was signed in.';
      return { ...signInFailedPage(detail), cookies: [clearSignIn] };
    }
    const { id, name, email, roles } = finished.claims;
    const staffRoles = staffRolesOf(roles);
    const displayName = name ?? email ?? id;
    if (staffRoles.length === 0) {
      eventLog(context).warn('staff-sign-in.no-role', { staffId: id });
      return { ...noRolePage(displayName), cookies: [clearSignIn] };
    }
    const state = startedSession({ id, name: displayName, email: email ?? id, roles: staffRoles }, now);
    const key = keys[0];
    if (key === undefined) return signInUnavailablePage('No key protects staff sessions.');
    const expiresAt = sessionExpiry(state, lifetimes);
    const session = staffCookie('session', request.url, await sealSession(state, key, lifetimes), (expiresAt.getTime() - now.getTime()) / 1000);
    eventLog(context).info('staff-sign-in.signed-in', { staffId: id, roles: staffRoles.join(',') });
    return seeOther(started.data.return_to, [clearSignIn, session]);
  };
}

/**
 * POST /staff/sign-out (behind the session boundary, so with the CSRF token): ends the session here
 * and then at the identity provider, which sends the browser back to the signed-out page.
 */
export function signOutPageHandler(dependencies: SignInDependencies): StaffPageHandler {
  return async (request) => {
    const cleared = clearedStaffCookie('session', request.url);
    const client = await dependencies.signInClient();
    const providerSignOut = client.kind === 'ready' ? client.client.endSessionUrl(dependencies.signedOutUrl) : undefined;
    if (providerSignOut === undefined) return seeOther(dependencies.signedOutUrl, [cleared]);
    return { ...leavingForProviderSignOutPage(providerSignOut), cookies: [cleared] };
  };
}

/** GET /staff/signed-out. */
export const signedOutHandler: HttpHandler = async () => signedOutPage();

export const SIGNED_OUT_PATH = `/${STAFF_ROUTES.signedOut}`;
