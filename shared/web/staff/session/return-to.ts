/**
 * Where the browser goes once signed in. Only a path of the console on this very site is
 * accepted, never an absolute URL, a scheme-relative `//host` or a backslash trick that a browser
 * would read as another host: sign-in must never become an open redirect.
 */
export const CONSOLE_HOME = '/staff';

const PLACEHOLDER_ORIGIN = 'https://baton.invalid';

export function safeReturnTo(candidate: string | null | undefined): string {
  if (candidate === null || candidate === undefined) return CONSOLE_HOME;
  // Browsers read `\` as `/` and drop tabs and newlines, so `/\evil.example` would leave the site.
  if (!candidate.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(candidate)) return CONSOLE_HOME;
  let url: URL;
  try {
    url = new URL(candidate, PLACEHOLDER_ORIGIN);
  } catch {
    return CONSOLE_HOME;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return CONSOLE_HOME;
  if (url.pathname !== CONSOLE_HOME && !url.pathname.startsWith(`${CONSOLE_HOME}/`)) return CONSOLE_HOME;
  // Coming back to the sign-in or sign-out routes themselves would only start over.
  if (/^\/staff\/sign-(?:in|out)(?:\/|$)/.test(url.pathname)) return CONSOLE_HOME;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in route, asked to come back to `returnTo` afterwards. */
export function signInLocation(signInPath: string, returnTo: string): string {
  return `${signInPath}?${new URLSearchParams({ returnTo: safeReturnTo(returnTo) }).toString()}`;
}
