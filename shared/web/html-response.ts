/**
 * How the requester's pages answer: HTML with headers that keep a requester's data private (never
 * cached, never sent on as a Referer, never framed) and a Content Security Policy that runs only
 * this site's own script, so even a mistake in escaping could not execute injected code.
 */
import type { Cookie, HttpResponseInit } from '@azure/functions';
import type { SafeHtml } from './html';

const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Headers every page shares. `same-origin` keeps every URL (an access link's `?access=` included)
 * from leaking to another site as a Referer, while the page's own form posts keep their Origin
 * header, which the action routes check (`no-referrer` would make it `null`). `nosniff` is not
 * here: host.json's custom headers add it to every response, pages and API alike.
 */
export const PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

export interface PageResponseOptions {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly cookies?: readonly Cookie[];
}

export function htmlPageResponse(page: SafeHtml, options: PageResponseOptions = {}): HttpResponseInit {
  return {
    status: options.status ?? 200,
    headers: {
      ...options.headers,
      ...PAGE_SECURITY_HEADERS,
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
    },
    body: page.markup,
    ...(options.cookies === undefined ? {} : { cookies: [...options.cookies] }),
  };
}

/** Post/redirect/get: after a form post, the browser is sent to `location` with a plain GET. */
export function seeOther(location: string, cookies: readonly Cookie[] = []): HttpResponseInit {
  return {
    status: 303,
    headers: { ...PAGE_SECURITY_HEADERS, Location: location, 'Cache-Control': 'no-store' },
    ...(cookies.length === 0 ? {} : { cookies: [...cookies] }),
  };
}
