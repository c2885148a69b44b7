import { randomBytes } from 'node:crypto';
import { HttpRequest, InvocationContext, type Cookie, type HttpResponseInit } from '@azure/functions';
import type { StaffPrincipal } from '../../../../../shared/auth/staff-token';
import { fixedClock } from '../../../../../shared/clock';
import type { StaffPageHandler, StaffSession } from '../../../../../shared/web/staff/staff-session';
import { staffPageWith } from '../../../../../shared/web/staff/session/staff-page';
import type { AttachmentStore } from '../../../../../shared/attachments/attachment-store';
import { staffAttachmentUpload } from '../../../../../shared/web/staff/ticket/staff-attachment-upload';
import { openSession, sealSession, startedSession, type SessionLifetimes, type StaffSessionState } from '../../../../../shared/web/staff/session/staff-session-codec';

const KEY = new Uint8Array(randomBytes(32));
const LIFETIMES: SessionLifetimes = { idleSeconds: 30 * 60, absoluteSeconds: 12 * 3600 };
const SIGNED_IN = new Date('2026-12-07T09:00:00.000Z');
const SITE = 'http://127.0.0.1:7071';
const SECURE_SITE = 'https://baton.example';
const COOKIE = 'baton_staff_session';
const SECURE_COOKIE = '__Host-baton_staff_session';
const MARIA: StaffPrincipal = { id: 'maria-garcia', name: 'María García', email: 'maria.garcia@css.example', roles: ['engineer'] };
const TICKET_DATA = 'Conditional Access blocks the finance team';

function minutesAfter(minutes: number): Date {
  return new Date(SIGNED_IN.getTime() + minutes * 60_000);
}

interface Served {
  readonly response: HttpResponseInit;
  readonly sessions: StaffSession[];
  readonly bodies: string[];
}

/** A console page of the test's own: it shows ticket data and echoes the form it was sent. */
function pageThatRecords(sessions: StaffSession[], bodies: string[]): StaffPageHandler {
  return async (request, session) => {
    sessions.push(session);
    if (request.method === 'POST') bodies.push(await request.text());
    return { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'public, max-age=600' }, body: `<p>${TICKET_DATA}</p>` };
  };
}

async function serve(
  request: HttpRequest,
  at: Date = minutesAfter(1),
  keys: 'ready' | 'unavailable' = 'ready',
  page?: StaffPageHandler,
): Promise<Served> {
  const sessions: StaffSession[] = [];
  const bodies: string[] = [];
  const boundary = staffPageWith({
    clock: fixedClock(at),
    lifetimes: LIFETIMES,
    sessionKeys: async () => (keys === 'ready' ? { kind: 'ready', keys: [KEY] } : { kind: 'unavailable', reason: 'test' }),
  });
  const context = new InvocationContext({ invocationId: 'test', functionName: 'staffTest', logHandler: () => undefined });
  const response = await boundary(page ?? pageThatRecords(sessions, bodies))(request, context);
  return { response: response as HttpResponseInit, sessions, bodies };
}

function get(path: string, headers: Record<string, string> = {}, site = SITE): HttpRequest {
  return new HttpRequest({ url: `${site}${path}`, method: 'GET', headers });
}

function post(path: string, form: Record<string, string>, headers: Record<string, string>, site = SITE): HttpRequest {
  return new HttpRequest({
    url: `${site}${path}`,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: { string: new URLSearchParams(form).toString() },
  });
}

async function sessionCookie(state: StaffSessionState = startedSession(MARIA, SIGNED_IN), name = COOKIE): Promise<string> {
  return `${name}=${await sealSession(state, KEY, LIFETIMES)}`;
}

function header(response: HttpResponseInit, name: string): string | undefined {
  return new Headers(response.headers).get(name) ?? undefined;
}

function cookieNamed(response: HttpResponseInit, name: string): Cookie | undefined {
  return response.cookies?.find((cookie) => cookie.name === name);
}

function expectSentToSignIn(served: Served, returnTo: string): void {
  expect(served.response.status).toBe(303);
  expect(header(served.response, 'Location')).toBe(`/staff/sign-in?${new URLSearchParams({ returnTo }).toString()}`);
  expect(served.sessions).toHaveLength(0);
  expect(String(served.response.body ?? '')).not.toContain(TICKET_DATA);
}

describe('the staff page boundary without a valid session', () => {
  it('sends a browser without a session to sign in, coming back to the page asked for', async () => {
    expectSentToSignIn(await serve(get('/staff/tickets/BTN-261207-7K2QD?tab=timeline')), '/staff/tickets/BTN-261207-7K2QD?tab=timeline');
  });

  it('sends a forged session to sign in and tells the browser to drop it', async () => {
    const served = await serve(get('/staff/queue', { cookie: `${COOKIE}=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..AAAA.BBBB.CCCC` }));
    expectSentToSignIn(served, '/staff/queue');
    expect(cookieNamed(served.response, COOKIE)).toMatchObject({ value: '', maxAge: 0 });
  });

  it('sends an expired session to sign in', async () => {
    expectSentToSignIn(await serve(get('/staff/queue', { cookie: await sessionCookie() }), minutesAfter(31)), '/staff/queue');
  });

  it('sends a role-less session to sign in', async () => {
    expectSentToSignIn(await serve(get('/staff', { cookie: await sessionCookie(startedSession({ ...MARIA, roles: [] }, SIGNED_IN)) })), '/staff');
  });

  it('opens nothing with the requester’s access cookie or a bearer token', async () => {
    const requesterCookie = `baton_access=${randomBytes(32).toString('base64url')}`;
    expectSentToSignIn(await serve(get('/staff/tickets/BTN-261207-7K2QD', { cookie: requesterCookie })), '/staff/tickets/BTN-261207-7K2QD');
    expectSentToSignIn(await serve(get('/staff', { authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJyb2xlcyI6WyJhZG1pbiJdfQ.c2ln' })), '/staff');
  });

  it('never reads a session from a cookie of another name, such as the secure name over plain loopback http', async () => {
    expectSentToSignIn(await serve(get('/staff', { cookie: await sessionCookie(undefined, SECURE_COOKIE) })), '/staff');
  });

  it('answers a form post without a session with a page linking to sign-in, coming back to the page the form was on, and runs nothing', async () => {
    const served = await serve(post('/staff/tickets/BTN-261207-7K2QD/reply', { csrf: 'x', message: 'hi' }, { origin: SITE, referer: `${SITE}/staff/tickets/BTN-261207-7K2QD` }));
    expect(served.response.status).toBe(401);
    expect(String(served.response.body)).toContain(`<a href="/staff/sign-in?returnTo=%2Fstaff%2Ftickets%2FBTN-261207-7K2QD">Sign in again</a>`);
    expect(header(served.response, 'Cache-Control')).toBe('no-store');
    expect(served.sessions).toHaveLength(0);
    expect(served.bodies).toHaveLength(0);
  });

  it('links a form post from another site without a session to the console home', async () => {
    const served = await serve(post('/staff/sign-out', {}, { origin: 'https://evil.example', referer: 'https://evil.example/staff/x' }));
    expect(served.response.status).toBe(401);
    expect(String(served.response.body)).toContain('href="/staff/sign-in?returnTo=%2Fstaff"');
  });

  it('answers 503 with no data when the session key is unavailable', async () => {
    const served = await serve(get('/staff', { cookie: await sessionCookie() }), minutesAfter(1), 'unavailable');
    expect(served.response.status).toBe(503);
    expect(served.sessions).toHaveLength(0);
  });
});

describe('the staff page boundary with a valid session', () => {
  it('calls the page with the person, their CSRF token and when the session ends', async () => {
    const state = startedSession(MARIA, SIGNED_IN);
    const served = await serve(get('/staff', { cookie: await sessionCookie(state) }), minutesAfter(5));
    expect(served.response.status).toBe(200);
    expect(served.sessions).toEqual([{ principal: MARIA, csrfToken: state.csrfToken, expiresAt: minutesAfter(30).toISOString() }]);
  });

  it('answers with no-store and the requester pages’ security headers, whatever the page said', async () => {
    const served = await serve(get('/staff', { cookie: await sessionCookie() }));
    expect(header(served.response, 'Cache-Control')).toBe('no-store');
    expect(header(served.response, 'Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect(header(served.response, 'X-Frame-Options')).toBe('DENY');
    expect(header(served.response, 'Referrer-Policy')).toBe('same-origin');
    expect(header(served.response, 'Content-Type')).toBe('text/html; charset=utf-8');
  });

  it('does not renew a session used within half its idle time', async () => {
    const served = await serve(get('/staff', { cookie: await sessionCookie() }), minutesAfter(14));
    expect(served.response.cookies).toBeUndefined();
  });

  it('renews a session past half its idle time with a cookie that lasts a full idle time from now', async () => {
    const state = startedSession(MARIA, SIGNED_IN);
    const served = await serve(get('/staff', { cookie: await sessionCookie(state) }), minutesAfter(20));
    const renewed = cookieNamed(served.response, COOKIE);
    expect(renewed).toMatchObject({ path: '/', httpOnly: true, sameSite: 'Lax', secure: false, maxAge: 30 * 60 });
    const read = await openSession(renewed?.value, [KEY], minutesAfter(45), LIFETIMES);
    expect(read).toEqual({ kind: 'valid', state: { ...state, renewedAt: minutesAfter(20) }, expiresAt: minutesAfter(50) });
    expect(served.sessions[0]?.expiresAt).toBe(minutesAfter(50).toISOString());
  });

  it('renews as a Secure __Host- cookie outside loopback http', async () => {
    const served = await serve(get('/staff', { cookie: await sessionCookie(undefined, SECURE_COOKIE) }, SECURE_SITE), minutesAfter(20));
    expect(served.sessions).toHaveLength(1);
    expect(cookieNamed(served.response, SECURE_COOKIE)).toMatchObject({ path: '/', secure: true, httpOnly: true, sameSite: 'Lax' });
  });
});

describe('a form post through the staff page boundary', () => {
  const state = startedSession(MARIA, SIGNED_IN);
  const path = '/staff/tickets/BTN-261207-7K2QD/reply';

  it('reaches the page from this site with the session’s CSRF token, and the page still reads the form', async () => {
    const served = await serve(post(path, { csrf: state.csrfToken, message: 'Looking now' }, { origin: SITE, 'sec-fetch-site': 'same-origin', cookie: await sessionCookie(state) }));
    expect(served.response.status).toBe(200);
    expect(served.bodies).toEqual([`csrf=${state.csrfToken}&message=Looking+now`]);
  });

  it('is accepted with Sec-Fetch-Site: same-origin when the browser sends no Origin', async () => {
    const served = await serve(post(path, { csrf: state.csrfToken }, { 'sec-fetch-site': 'same-origin', cookie: await sessionCookie(state) }));
    expect(served.sessions).toHaveLength(1);
  });

  it.each([
    ['from another site', { origin: 'https://evil.example' }],
    ['from another port of the same host', { origin: 'http://127.0.0.1:8080' }],
    ['from an opaque origin', { origin: 'null' }],
    ['marked cross-site by the browser although its Origin looks right', { origin: SITE, 'sec-fetch-site': 'cross-site' }],
    ['marked same-site (not same-origin) by the browser', { 'sec-fetch-site': 'same-site' }],
    ['that proves no origin at all', {}],
  ])('is refused with a 403 page when it comes %s', async (_case, headers: Record<string, string>) => {
    const served = await serve(post(path, { csrf: state.csrfToken }, { ...headers, cookie: await sessionCookie(state) }));
    expect(served.response.status).toBe(403);
    expect(String(served.response.body)).toContain('This request was refused');
    expect(header(served.response, 'Cache-Control')).toBe('no-store');
    expect(served.sessions).toHaveLength(0);
  });

  it.each([
    ['without a CSRF token', {}],
    ['with another session’s CSRF token', { csrf: startedSession(MARIA, SIGNED_IN).csrfToken }],
    ['with the token cut short', { csrf: state.csrfToken.slice(0, -1) }],
  ])('is refused with a 403 page %s', async (_case, form: Record<string, string>) => {
    const served = await serve(post(path, { ...form, message: 'x' }, { origin: SITE, cookie: await sessionCookie(state) }));
    expect(served.response.status).toBe(403);
    expect(String(served.response.body)).toContain('security token');
    expect(served.sessions).toHaveLength(0);
  });

  it('answers a form too large to read with a 413 page that says to shorten it, not to send it again as it was, and runs nothing', async () => {
    const longNote = 'Sign-in log line\n'.repeat(5_000);
    const served = await serve(post(path, { csrf: state.csrfToken, type: 'internal-note', note: longNote }, { origin: SITE, cookie: await sessionCookie(state) }));
    expect(served.response.status).toBe(413);
    const body = String(served.response.body);
    expect(body).toContain('too large');
    expect(body).toContain('shorten');
    expect(body).not.toContain('try again');
    expect(header(served.response, 'Cache-Control')).toBe('no-store');
    expect(served.sessions).toHaveLength(0);
  });
});

type Part = { readonly name: string; readonly value: string } | { readonly name: string; readonly fileName: string; readonly content: string };

/** A form with files as a browser sends it: each part in the form's order. */
function multipartPost(path: string, parts: readonly Part[], headers: Record<string, string>, query = ''): HttpRequest {
  const boundary = '----BatonFormBoundary7MA4YWxkTrZu0gW';
  const body = parts
    .map((part) =>
      'fileName' in part
        ? `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\nContent-Type: text/plain\r\n\r\n${part.content}\r\n`
        : `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`,
    )
    .join('');
  return new HttpRequest({
    url: `${SITE}${path}${query}`,
    method: 'POST',
    params: { ticketNumber: /\/staff\/tickets\/([^/]+)/.exec(path)?.[1] ?? '' },
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...headers },
    body: { string: `${body}--${boundary}--\r\n` },
  });
}

describe('a form with files through the staff page boundary', () => {
  const state = startedSession(MARIA, SIGNED_IN);
  const path = '/staff/tickets/BTN-261207-7K2QD/attachments';
  const LOG = { name: 'file', fileName: 'sign-in.log', content: 'AADSTS50076: sign-in needs multi-factor authentication' };

  it('reaches the page when the session’s token is the first part, and the page still reads every file', async () => {
    const served = await serve(multipartPost(path, [{ name: 'csrf', value: state.csrfToken }, { name: 'visibility', value: 'internal' }, LOG], { origin: SITE, cookie: await sessionCookie(state) }));
    expect(served.response.status).toBe(200);
    expect(served.bodies).toHaveLength(1);
    expect(served.bodies[0]).toContain(LOG.content);
    expect(served.bodies[0]).toContain('name="visibility"');
  });

  it.each([
    ['without a token', [{ name: 'visibility', value: 'internal' }, LOG]],
    ['with another session’s token', [{ name: 'csrf', value: startedSession(MARIA, SIGNED_IN).csrfToken }, LOG]],
    ['with the token after another field', [{ name: 'visibility', value: 'internal' }, { name: 'csrf', value: state.csrfToken }, LOG]],
    ['with the token after a file', [LOG, { name: 'csrf', value: state.csrfToken }]],
    ['with the token sent as a file', [{ name: 'csrf', fileName: 'csrf.txt', content: state.csrfToken }, LOG]],
  ])('is refused with a 403 page %s, and the page (which would store the files) never runs', async (_case, parts: readonly Part[]) => {
    const served = await serve(multipartPost(path, parts, { origin: SITE, cookie: await sessionCookie(state) }));
    expect(served.response.status).toBe(403);
    expect(String(served.response.body)).toContain('security token');
    expect(served.sessions).toHaveLength(0);
    expect(served.bodies).toHaveLength(0);
  });

  it('takes no token from the query string', async () => {
    const served = await serve(multipartPost(path, [LOG], { origin: SITE, cookie: await sessionCookie(state) }, `?csrf=${encodeURIComponent(state.csrfToken)}`));
    expect(served.response.status).toBe(403);
    expect(served.sessions).toHaveLength(0);
  });

  it.each([
    ['from another site', { origin: 'https://evil.example' }],
    ['marked cross-site by the browser', { origin: SITE, 'sec-fetch-site': 'cross-site' }],
    ['that proves no origin at all', {}],
  ])('is refused with a 403 page when it comes %s, even with the right token first', async (_case, headers: Record<string, string>) => {
    const served = await serve(multipartPost(path, [{ name: 'csrf', value: state.csrfToken }, LOG], { ...headers, cookie: await sessionCookie(state) }));
    expect(served.response.status).toBe(403);
    expect(String(served.response.body)).toContain('This request was refused');
    expect(served.sessions).toHaveLength(0);
  });

  it('refuses a body that is not a readable form', async () => {
    const request = new HttpRequest({ url: `${SITE}${path}`, method: 'POST', headers: { 'content-type': 'multipart/form-data', origin: SITE, cookie: await sessionCookie(state) }, body: { string: 'not a form' } });
    const served = await serve(request);
    expect(served.response.status).toBe(403);
    expect(served.sessions).toHaveLength(0);
  });
});

describe('the console’s upload route behind the staff page boundary', () => {
  const state = startedSession(MARIA, SIGNED_IN);
  const path = '/staff/tickets/BTN-261207-7K2QD/attachments';
  const LOG = { name: 'file', fileName: 'sign-in.log', content: 'AADSTS50076: sign-in needs multi-factor authentication' };

  /** Every touch of the ticket or the store is recorded; none is expected. */
  function recordingUploadPage(touched: string[]): StaffPageHandler {
    const touch = (what: string) => () => {
      touched.push(what);
      return Promise.reject(new Error(`${what} was reached`));
    };
    const store: AttachmentStore = {
      ensureContainer: touch('ensureContainer'),
      upload: touch('upload'),
      download: touch('download'),
      list: touch('list'),
      delete: touch('delete'),
      deleteAllFor: touch('deleteAllFor'),
    };
    return staffAttachmentUpload({
      port: { readTicket: touch('readTicket'), applyToTicket: touch('applyToTicket'), orgConfig: touch('orgConfig'), now: () => SIGNED_IN.toISOString() },
      attachments: { limits: { maxFileBytes: 1024 * 1024, maxTicketBytes: 4 * 1024 * 1024, maxFilesPerTicket: 5 }, store },
    });
  }

  it.each([
    ['without a token', [LOG], { origin: SITE }],
    ['with a wrong token first', [{ name: 'csrf', value: 'not-the-token' }, LOG], { origin: SITE }],
    ['with the token after the file', [LOG, { name: 'csrf', value: state.csrfToken }], { origin: SITE }],
    ['from another site with the right token first', [{ name: 'csrf', value: state.csrfToken }, LOG], { origin: 'https://evil.example' }],
  ])('stores nothing and reads no ticket when a form comes %s', async (_case, parts: readonly Part[], headers: Record<string, string>) => {
    const touched: string[] = [];
    const served = await serve(multipartPost(path, parts, { ...headers, cookie: await sessionCookie(state) }), minutesAfter(1), 'ready', recordingUploadPage(touched));
    expect(served.response.status).toBe(403);
    expect(touched).toEqual([]);
  });

  it('reaches the ticket (here, a port that refuses every touch) once the token is this session’s and comes first', async () => {
    const touched: string[] = [];
    const request = multipartPost(path, [{ name: 'csrf', value: state.csrfToken }, LOG], { origin: SITE, cookie: await sessionCookie(state) });
    await expect(serve(request, minutesAfter(1), 'ready', recordingUploadPage(touched))).rejects.toThrow('readTicket was reached');
    expect(touched).toEqual(['readTicket']);
  });
});
