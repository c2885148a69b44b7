/**
 * Keeps the requester's access token out of the address bar. The link in the email carries it as
 * `?access=`; the status page trades it for a cookie that is HttpOnly (no script reads it),
 * SameSite=Lax (a cross-site form cannot post with it, yet the email link still works) and scoped
 * to that one ticket's path (so it never travels with any other request), then redirects to the
 * clean URL. It lasts for the browser session: the email link is always there to open it again.
 */
import type { Cookie } from '@azure/functions';
import type { TicketNumber } from '../../domain/ticket/ticket-number';

export const ACCESS_COOKIE_NAME = 'baton_access';

export function ticketPagePath(ticketNumber: TicketNumber): string {
  return `/tickets/${encodeURIComponent(ticketNumber)}`;
}

/** Over plain HTTP only on the developer's own machine; everywhere else the cookie is Secure. */
function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

export function accessCookie(ticketNumber: TicketNumber, token: string, requestUrl: string): Cookie {
  const url = new URL(requestUrl);
  return {
    name: ACCESS_COOKIE_NAME,
    value: token,
    path: ticketPagePath(ticketNumber),
    httpOnly: true,
    sameSite: 'Lax',
    secure: url.protocol === 'https:' || !isLoopback(url),
  };
}

/** Every value of the access cookie the browser sent (normally one: the path admits one ticket). */
export function accessCookieValues(cookieHeader: string | null): string[] {
  if (cookieHeader === null) return [];
  return cookieHeader.split(';').flatMap((pair) => {
    const separator = pair.indexOf('=');
    if (separator < 0) return [];
    const name = pair.slice(0, separator).trim();
    const value = pair.slice(separator + 1).trim();
    return name === ACCESS_COOKIE_NAME && value !== '' ? [value] : [];
  });
}
