/**
 * Whether a cookie-authenticated form post comes from this site's own pages. The access cookie is
 * SameSite=Lax, but that alone does not stop a same-site attacker (another app on a sibling
 * subdomain) or an old browser, so the post must prove where it comes from: an `Origin` equal to
 * this site's, or, when a client leaves `Origin` out, the browser's own `Sec-Fetch-Site:
 * same-origin`. A post that proves neither is refused: a missing header is not a pass.
 */
import type { HttpRequest } from '@azure/functions';

export type FormPostOrigin = 'same-origin' | 'cross-origin' | 'unproven';

function originOf(text: string): string | undefined {
  try {
    return new URL(text).origin;
  } catch {
    return undefined;
  }
}

/**
 * `siteOrigins`: the public base URL's origin besides the request's own. With a custom domain in
 * front of the app (Front Door), the browser's Origin is the domain's while the app is reached under
 * its own host name; without it every form post of the status page would be refused.
 */
export function formPostOrigin(request: Pick<HttpRequest, 'headers' | 'url'>, siteOrigins: readonly string[] = []): FormPostOrigin {
  const origin = request.headers.get('origin');
  if (origin !== null) {
    // `null` (an opaque origin: a sandboxed frame, a data: URL) is never this site.
    const claimed = originOf(origin);
    const own = [request.url, ...siteOrigins].map(originOf);
    return claimed !== undefined && claimed !== 'null' && own.includes(claimed) ? 'same-origin' : 'cross-origin';
  }
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite === null) return 'unproven';
  return fetchSite.trim().toLowerCase() === 'same-origin' ? 'same-origin' : 'cross-origin';
}
