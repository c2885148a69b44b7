/**
 * What a state-changing request to the console must prove before it reaches a page: that it comes
 * from this site's own pages (`Origin`, and `Sec-Fetch-Site` when the browser sends it) and that
 * its form carries the session's CSRF token. SameSite=Lax already keeps the session cookie off
 * cross-site posts; these checks also stop a same-site attacker (a sibling subdomain) and a browser
 * without SameSite.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { HttpRequest } from '@azure/functions';
import { isMultipart, readFirstPart } from '../../../http-edge/multipart-body';
import { readRequestBody } from '../../../http-edge/request-body';

export type PostRefusal = 'cross-origin' | 'origin-unproven' | 'csrf-mismatch' | 'form-too-large' | 'unreadable-form';

function originOf(text: string): string | undefined {
  try {
    const origin = new URL(text).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/**
 * `siteOrigins`: the public base URL's origin besides the request's own, for a custom domain in
 * front of the app. A missing `Origin` with no `Sec-Fetch-Site` either proves nothing and is refused.
 */
export function postOriginRefusal(request: Pick<HttpRequest, 'headers' | 'url'>, siteOrigins: readonly string[]): PostRefusal | undefined {
  const own = new Set([originOf(request.url), ...siteOrigins.map(originOf)].filter((origin) => origin !== undefined));
  const origin = request.headers.get('origin');
  const fetchSite = request.headers.get('sec-fetch-site');
  if (origin === null && fetchSite === null) return 'origin-unproven';
  if (origin !== null) {
    const claimed = originOf(origin);
    if (claimed === undefined || !own.has(claimed)) return 'cross-origin';
  }
  if (fetchSite !== null && fetchSite.trim().toLowerCase() !== 'same-origin') return 'cross-origin';
  return undefined;
}

/** Hashing first gives equal lengths, so the comparison takes the same time whatever was sent. */
export function sameToken(sent: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(sent), digest(expected)) && sent.length === expected.length;
}

/** The form field the token travels in, on every console form. */
export const CSRF_FIELD = 'csrf';
/** A token is a few dozen characters; a longer first field is not one. */
const TOKEN_FIELD_BYTES = 1024;

/**
 * A form with files carries the token as its first part, so it is judged before any file is read:
 * the guard reads that part alone from a copy of the stream and lets the copy go.
 */
async function multipartCsrfRefusal(request: HttpRequest, expected: string): Promise<PostRefusal | undefined> {
  const first = await readFirstPart(request.clone(), TOKEN_FIELD_BYTES);
  if (first.kind === 'malformed' || first.kind === 'none') return 'unreadable-form';
  if (first.kind !== 'field' || first.name !== CSRF_FIELD || first.truncated || !sameToken(first.value, expected)) return 'csrf-mismatch';
  return undefined;
}

/**
 * Reads the form's `csrf` field from a copy of the body, so the page still reads the body itself.
 * Never from the query string: a token in a URL leaks through history and logs.
 */
export async function csrfRefusal(request: HttpRequest, expected: string): Promise<PostRefusal | undefined> {
  if (isMultipart(request)) return multipartCsrfRefusal(request, expected);
  const read = await readRequestBody(request.clone());
  // Too large is worth telling apart: sending the same form again cannot help, shortening it can.
  if (read.kind !== 'read') return read.response.status === 413 ? 'form-too-large' : 'unreadable-form';
  const body = read.body;
  const sent = typeof body === 'object' && body !== null && CSRF_FIELD in body ? body[CSRF_FIELD] : undefined;
  if (typeof sent !== 'string' || !sameToken(sent, expected)) return 'csrf-mismatch';
  return undefined;
}
