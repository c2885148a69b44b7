/**
 * A browser's sign-in to the staff console over HTTP, against a running stack and its dev issuer:
 * the console's sign-in route, the issuer's page, the person chosen, the callback. Answers the
 * session cookie (`name=value`) and the CSRF token the console's forms carry.
 */

function unescapeHtml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function hiddenFields(page: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    const name = match[1] ?? '';
    // The issuer's page repeats the request in each of its forms; the first copy is enough.
    if (!(name in fields)) fields[name] = unescapeHtml(match[2] ?? '');
  }
  return fields;
}

/** `name=value` of each cookie a response sets. */
function cookiesSetBy(response: Response): string[] {
  return response.headers.getSetCookie().map((header) => header.split(';', 1)[0] ?? '');
}

export interface ConsoleSession {
  /** The session cookie as a `Cookie` header value. */
  readonly cookie: string;
  readonly csrfToken: string;
}

export async function signInToConsole(siteUrl: string, person: string): Promise<ConsoleSession> {
  const started = await fetch(`${siteUrl}/staff/sign-in`, { redirect: 'manual' });
  const signInCookie = cookiesSetBy(started).join('; ');
  const authorizeUrl = started.headers.get('location') ?? '';
  const authorizePage = await (await fetch(authorizeUrl)).text();
  const chosen = await fetch(new URL('/authorize', authorizeUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...hiddenFields(authorizePage), person }).toString(),
    redirect: 'manual',
  });
  const callback = await fetch(chosen.headers.get('location') ?? '', { headers: { cookie: signInCookie }, redirect: 'manual' });
  const cookie = cookiesSetBy(callback).find((pair) => pair.includes('staff_session=')) ?? '';
  if (cookie === '') throw new Error(`signing ${person} in set no session cookie (callback answered ${callback.status})`);
  const home = await (await fetch(`${siteUrl}/staff`, { headers: { cookie } })).text();
  const csrfToken = /name="csrf" value="([^"]+)"/.exec(home)?.[1];
  if (csrfToken === undefined) throw new Error('the console home carries no CSRF token');
  return { cookie, csrfToken: unescapeHtml(csrfToken) };
}
