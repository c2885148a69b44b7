/**
 * The boundary every console page sits behind. It opens the session cookie and, without a valid
 * session (none, forged, expired, role-less), sends the browser to sign in (a form post gets a page
 * with the sign-in link) and shows no data; for a
 * state-changing request it checks origin and CSRF token before the page runs; it renews a session
 * past half its idle time; and it gives every answer the requester pages' security headers and
 * `Cache-Control: no-store`. Only the session cookie counts: a bearer token or the requester's
 * access cookie opens no console page.
 */
import type { Cookie, HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { Clock } from '../../../clock';
import { eventLog } from '../../../logging/structured-log';
import { PAGE_SECURITY_HEADERS, seeOther } from '../../html-response';
import { STAFF_ROUTES } from '../staff-routes';
import type { StaffPageHandler, StaffSession } from '../staff-session';
import { csrfRefusal, postOriginRefusal } from './post-guard';
import { CONSOLE_HOME, safeReturnTo, signInLocation } from './return-to';
import { refusedPostPage, sessionEndedPage, signInUnavailablePage } from './session-pages';
import { clearedStaffCookie, cookieValue, staffCookie, staffCookieName } from './session-cookies';
import type { SessionKeySource } from './session-keys';
import {
  isDueForRenewal,
  openSession,
  renewedSession,
  sealSession,
  sessionExpiry,
  DEFAULT_SESSION_LIFETIMES,
  type SessionLifetimes,
} from './staff-session-codec';

export interface StaffPageDependencies {
  readonly clock: Clock;
  readonly sessionKeys: SessionKeySource;
  readonly lifetimes?: SessionLifetimes;
  /** Origins that are this site besides the request's own (the public base URL behind a custom domain). */
  readonly siteOrigins?: readonly string[];
}

const SIGN_IN_PATH = `/${STAFF_ROUTES.signIn}`;
const READ_ONLY_METHODS = new Set(['GET', 'HEAD']);

/** A page asked for without a session comes back to itself; a form post, to the page it was sent from. */
function returnToOf(request: HttpRequest): string {
  if (READ_ONLY_METHODS.has(request.method.toUpperCase())) {
    const url = new URL(request.url);
    return safeReturnTo(`${url.pathname}${url.search}`);
  }
  const referer = request.headers.get('referer');
  if (referer === null) return CONSOLE_HOME;
  try {
    const from = new URL(referer);
    return from.origin === new URL(request.url).origin ? safeReturnTo(`${from.pathname}${from.search}`) : CONSOLE_HOME;
  } catch {
    return CONSOLE_HOME;
  }
}

/**
 * The page's answer with the console's headers, ours winning over the page's own. A renewal never
 * overrides a cookie the page set itself (sign-out clears the session).
 */
function withConsoleHeaders(response: HttpResponseInit, renewal: readonly Cookie[]): HttpResponseInit {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(PAGE_SECURITY_HEADERS)) headers.set(name, value);
  headers.set('Cache-Control', 'no-store');
  const own = response.cookies ?? [];
  const allCookies = [...own, ...renewal.filter((cookie) => !own.some((set) => set.name === cookie.name))];
  return { ...response, headers: Object.fromEntries(headers.entries()), ...(allCookies.length === 0 ? {} : { cookies: allCookies }) };
}

export function staffPageWith(dependencies: StaffPageDependencies): (handler: StaffPageHandler) => HttpHandler {
  const lifetimes = dependencies.lifetimes ?? DEFAULT_SESSION_LIFETIMES;
  return (handler) => async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
    const keys = await dependencies.sessionKeys();
    if (keys.kind !== 'ready') {
      eventLog(context).error('staff-session.keys-unavailable', { reason: keys.reason });
      return signInUnavailablePage('The key that protects staff sessions is not available.');
    }
    const now = dependencies.clock.now();
    const cookieName = staffCookieName('session', request.url);
    const read = await openSession(cookieValue(request, cookieName), keys.keys, now, lifetimes);
    if (read.kind !== 'valid') {
      if (read.kind !== 'missing') eventLog(context).info('staff-session.refused', { reason: read.kind });
      const cleared = read.kind === 'missing' ? [] : [clearedStaffCookie('session', request.url)];
      const signIn = signInLocation(SIGN_IN_PATH, returnToOf(request));
      if (READ_ONLY_METHODS.has(request.method.toUpperCase())) return seeOther(signIn, cleared);
      return { ...sessionEndedPage(signIn), ...(cleared.length === 0 ? {} : { cookies: cleared }) };
    }

    if (!READ_ONLY_METHODS.has(request.method.toUpperCase())) {
      const refusal = postOriginRefusal(request, dependencies.siteOrigins ?? []) ?? (await csrfRefusal(request, read.state.csrfToken));
      if (refusal !== undefined) {
        eventLog(context).warn('staff-session.post-refused', { reason: refusal });
        return refusedPostPage(refusal);
      }
    }

    let state = read.state;
    const renewal: Cookie[] = [];
    if (isDueForRenewal(state, now, lifetimes)) {
      state = renewedSession(state, now);
      const [key] = keys.keys;
      if (key !== undefined) {
        const expiresAt = sessionExpiry(state, lifetimes);
        renewal.push(staffCookie('session', request.url, await sealSession(state, key, lifetimes), (expiresAt.getTime() - now.getTime()) / 1000));
      }
    }
    const session: StaffSession = {
      principal: state.principal,
      csrfToken: state.csrfToken,
      expiresAt: sessionExpiry(state, lifetimes).toISOString(),
    };
    return withConsoleHeaders(await handler(request, session), renewal);
  };
}
