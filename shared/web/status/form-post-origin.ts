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

export function formPostOrigin(request: Pick<HttpRequest, 'headers' | 'url'>): FormPostOrigin {
  const origin = request.headers.get('origin');
  if (origin !== null) {
    // `null` (an opaque origin: a sandboxed frame, a data: URL) is never this site.
    const claimed = originOf(origin);
    return claimed !== undefined && claimed === originOf(request.url) ? 'same-origin' : 'cross-origin';
  }
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite === null) return 'unproven';
  return fetchSite.trim().toLowerCase() === 'same-origin' ? 'same-origin' : 'cross-origin';
}
