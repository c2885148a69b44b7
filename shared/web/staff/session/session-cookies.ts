/**
 * The console's two cookies: the session itself, and the short-lived one that carries a sign-in's
 * state, nonce and PKCE verifier across the round trip to the identity provider. Both are HttpOnly
 * and SameSite=Lax: a link in an email (a cross-site navigation) still arrives signed in and the
 * identity provider's redirect back still brings the sign-in cookie, while a cross-site form post
 * carries neither; the CSRF token and the origin check cover the rest. Outside plain-http loopback
 * they are Secure and `__Host-` prefixed, so no sibling subdomain can set or shadow them.
 */
import type { Cookie, HttpRequest } from '@azure/functions';

export type StaffCookieKind = 'session' | 'sign-in';

const BASE_NAMES: Readonly<Record<StaffCookieKind, string>> = {
  session: 'baton_staff_session',
  'sign-in': 'baton_staff_sign_in',
};

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Plain http is accepted only on the developer's own machine; everywhere else cookies are Secure. */
export function isSecureSite(requestUrl: string): boolean {
  const url = new URL(requestUrl);
  return url.protocol === 'https:' || !LOOPBACK_HOSTS.has(url.hostname);
}

export function staffCookieName(kind: StaffCookieKind, requestUrl: string): string {
  return isSecureSite(requestUrl) ? `__Host-${BASE_NAMES[kind]}` : BASE_NAMES[kind];
}

/** The value of the named cookie the browser sent, if any (the first, should it send several). */
export function cookieValue(request: Pick<HttpRequest, 'headers'>, name: string): string | undefined {
  const header = request.headers.get('cookie');
  if (header === null) return undefined;
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0) continue;
    if (pair.slice(0, separator).trim() !== name) continue;
    const value = pair.slice(separator + 1).trim();
    if (value !== '') return value;
  }
  return undefined;
}

export function staffCookie(kind: StaffCookieKind, requestUrl: string, value: string, maxAgeSeconds: number): Cookie {
  return {
    name: staffCookieName(kind, requestUrl),
    value,
    // `__Host-` requires the root path; the cookie is only ever read by the console's routes.
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: isSecureSite(requestUrl),
    maxAge: Math.max(0, Math.floor(maxAgeSeconds)),
  };
}

/** Tells the browser to drop the cookie now. */
export function clearedStaffCookie(kind: StaffCookieKind, requestUrl: string): Cookie {
  return { ...staffCookie(kind, requestUrl, '', 0), expires: new Date(0) };
}
