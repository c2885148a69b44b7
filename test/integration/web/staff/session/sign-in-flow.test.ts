/**
 * The whole sign-in, over HTTP against the dev issuer: discovery, the authorization page, the code,
 * the token exchange with PKCE, the session cookie, and a page behind the session boundary. The
 * app's handlers run in this process with the requests a browser would send them.
 */
import { createHash, randomBytes } from 'node:crypto';
import { HttpRequest, InvocationContext, type Cookie, type HttpResponseInit } from '@azure/functions';
import { fixedClock, systemClock } from '../../../../../shared/clock';
import { startDevIssuer, type RunningDevIssuer } from '../../../../../infra/local/identity/dev-issuer';
import { DEV_SIGN_IN_CLIENT } from '../../../../../infra/local/identity/dev-authorization';
import type { StaffSession } from '../../../../../shared/web/staff/staff-session';
import { discoverSignInClient } from '../../../../../shared/web/staff/session/oidc-sign-in-client';
import { signInCallbackHandler, signInHandler, signOutPageHandler, type SignInDependencies } from '../../../../../shared/web/staff/session/sign-in-handlers';
import { staffPageWith } from '../../../../../shared/web/staff/session/staff-page';

const SITE = 'http://127.0.0.1:7071';
const KEY = new Uint8Array(randomBytes(32));
const SESSION_COOKIE = 'baton_staff_session';
const SIGN_IN_COOKIE = 'baton_staff_sign_in';

function context(): InvocationContext {
  return new InvocationContext({ invocationId: 'test', functionName: 'staffSignIn', logHandler: () => undefined });
}

function header(response: HttpResponseInit, name: string): string {
  return new Headers(response.headers).get(name) ?? '';
}

function cookieOf(response: HttpResponseInit, name: string): Cookie | undefined {
  return response.cookies?.find((cookie) => cookie.name === name);
}

function unescapeHtml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The hidden fields of the issuer's sign-in page: the authorization request carried through the form. */
function hiddenFields(page: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[match[1] ?? ''] = unescapeHtml(match[2] ?? '');
  }
  return fields;
}

describe('signing in to the staff console through the dev issuer', () => {
  let issuer: RunningDevIssuer;
  let dependencies: SignInDependencies;
  let redirectUri: string;

  beforeAll(async () => {
    issuer = await startDevIssuer({ port: 0 });
    redirectUri = `${SITE}/staff/sign-in/callback`;
    const client = await discoverSignInClient({ issuer: issuer.issuer, clientId: DEV_SIGN_IN_CLIENT.id, clientSecret: DEV_SIGN_IN_CLIENT.secret, redirectUri });
    dependencies = {
      clock: systemClock,
      sessionKeys: async () => ({ kind: 'ready', keys: [KEY] }),
      signInClient: async () => ({ kind: 'ready', client }),
      signedOutUrl: `${SITE}/staff/signed-out`,
    };
  });

  afterAll(async () => {
    await issuer.stop();
  });

  /** The browser's trip: Baton's sign-in route, the issuer's page, the person chosen, back at Baton's callback. */
  async function signIn(choice: Record<string, string>, returnTo = '/staff/tickets/BTN-261207-7K2QD') {
    const started = await signInHandler(dependencies)(new HttpRequest({ url: `${SITE}/staff/sign-in?returnTo=${encodeURIComponent(returnTo)}`, method: 'GET' }), context()) as HttpResponseInit;
    const authorizeUrl = header(started, 'Location');
    const signInCookie = cookieOf(started, SIGN_IN_COOKIE);
    const page = await fetch(authorizeUrl);
    const pageText = await page.text();
    const chosen = await fetch(`${issuer.baseUrl}/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...hiddenFields(pageText), ...choice }).toString(),
      redirect: 'manual',
    });
    const callbackUrl = chosen.headers.get('location') ?? '';
    const callback = async (cookie = signInCookie?.value ?? '') =>
      (await signInCallbackHandler(dependencies)(new HttpRequest({ url: callbackUrl, method: 'GET', headers: { cookie: `${SIGN_IN_COOKIE}=${cookie}` } }), context())) as HttpResponseInit;
    return { started, authorizeUrl, signInCookie, page, pageText, chosen, callbackUrl, callback };
  }

  async function openPage(sessionValue: string | undefined, path = '/staff/tickets/BTN-261207-7K2QD') {
    const seen: StaffSession[] = [];
    const boundary = staffPageWith({ clock: systemClock, sessionKeys: dependencies.sessionKeys });
    const response = (await boundary(async (_request, session) => {
      seen.push(session);
      return { status: 200, body: 'ticket page' };
    })(new HttpRequest({ url: `${SITE}${path}`, method: 'GET', headers: sessionValue === undefined ? {} : { cookie: `${SESSION_COOKIE}=${sessionValue}` } }), context())) as HttpResponseInit;
    return { response, seen };
  }

  it('asks the issuer for a code with PKCE, state and nonce, keeping them in a short-lived sealed cookie', async () => {
    const trip = await signIn({ person: 'maria-garcia' });
    const authorize = new URL(trip.authorizeUrl);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${issuer.baseUrl}/authorize`);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: DEV_SIGN_IN_CLIENT.id,
      redirect_uri: redirectUri,
      scope: 'openid profile email',
      code_challenge_method: 'S256',
    });
    for (const check of ['state', 'nonce', 'code_challenge']) expect(authorize.searchParams.get(check)).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    expect(trip.signInCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 600 });
    expect(trip.signInCookie?.value).not.toContain(authorize.searchParams.get('state') ?? 'state');
  });

  it('shows the sample roster’s engineers, team leads and TAMs on the issuer’s sign-in page', async () => {
    const trip = await signIn({ person: 'maria-garcia' });
    expect(trip.page.status).toBe(200);
    for (const person of ['María García', 'Daniel Brooks', 'Grace Okafor', 'Arjun Mehta', 'Tom Reyes', 'Lena Schulz']) expect(trip.pageText).toContain(person);
  });

  it('signs an engineer in as their roster identity and lands on the page they asked for', async () => {
    const trip = await signIn({ person: 'maria-garcia' });
    expect(trip.callbackUrl.startsWith(`${redirectUri}?code=`)).toBe(true);
    const answer = await trip.callback();
    expect(answer.status).toBe(303);
    expect(header(answer, 'Location')).toBe('/staff/tickets/BTN-261207-7K2QD');
    expect(cookieOf(answer, SIGN_IN_COOKIE)).toMatchObject({ value: '', maxAge: 0 });
    const session = cookieOf(answer, SESSION_COOKIE);
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: false, maxAge: 1800 });

    const page = await openPage(session?.value);
    expect(page.response.status).toBe(200);
    expect(page.seen[0]?.principal).toEqual({ id: 'maria-garcia', name: 'María García', email: 'maria.garcia@css.example', roles: ['engineer'] });
  });

  it('comes back to the console home, never to another site, when asked to return elsewhere', async () => {
    for (const returnTo of ['https://evil.example/staff', '//evil.example/staff', '/\\evil.example']) {
      const answer = await (await signIn({ person: 'maria-garcia' }, returnTo)).callback();
      expect(header(answer, 'Location')).toBe('/staff');
    }
  });

  it('says sign-in is unavailable, and sets no cookie, when the identity provider cannot be reached or no client is configured', async () => {
    const unreachable: SignInDependencies = { ...dependencies, signInClient: async () => ({ kind: 'unavailable', reason: 'discovery failed' }) };
    const answer = (await signInHandler(unreachable)(new HttpRequest({ url: `${SITE}/staff/sign-in`, method: 'GET' }), context())) as HttpResponseInit;
    expect(answer.status).toBe(503);
    expect(String(answer.body)).toContain('Staff sign-in is unavailable');
    expect(answer.cookies).toBeUndefined();
  });

  it('signs a TAM in with the tam role and a team lead with theirs', async () => {
    const tam = cookieOf(await (await signIn({ person: 'dev-tom.reyes' })).callback(), SESSION_COOKIE);
    expect((await openPage(tam?.value)).seen[0]?.principal).toMatchObject({ id: 'dev-tom.reyes', name: 'Tom Reyes', email: 'tom.reyes@css.example', roles: ['tam'] });
    const lead = cookieOf(await (await signIn({ person: 'grace-okafor' })).callback(), SESSION_COOKIE);
    expect((await openPage(lead?.value)).seen[0]?.principal).toMatchObject({ id: 'grace-okafor', roles: ['team-lead'] });
  });

  it('signs in someone typed by name with the roles ticked', async () => {
    const trip = await signIn({ person: 'typed', name: 'Ana Silva', roles: 'admin' });
    const session = cookieOf(await trip.callback(), SESSION_COOKIE);
    expect((await openPage(session?.value)).seen[0]?.principal).toEqual({ id: 'dev-ana.silva', name: 'Ana Silva', email: 'ana.silva@staff.baton.test', roles: ['admin'] });
  });

  it('gives someone without a Baton role a page saying so, and no session', async () => {
    const answer = await (await signIn({ person: 'typed', name: 'Visitor Without Role' })).callback();
    expect(answer.status).toBe(403);
    expect(String(answer.body)).toContain('You have no role in Baton');
    expect(cookieOf(answer, SESSION_COOKIE)).toBeUndefined();
  });

  it('refuses a code used a second time', async () => {
    const trip = await signIn({ person: 'maria-garcia' });
    expect((await trip.callback()).status).toBe(303);
    const replay = await trip.callback();
    expect(replay.status).toBe(400);
    expect(cookieOf(replay, SESSION_COOKIE)).toBeUndefined();
  });

  it('refuses an answer that belongs to another sign-in (state, nonce and verifier of a different browser)', async () => {
    const victim = await signIn({ person: 'maria-garcia' });
    const attacker = await signIn({ person: 'typed', name: 'Mallory', roles: 'admin' });
    // The attacker's code lands in the victim's browser, which holds the victim's sign-in cookie.
    const answer = await attacker.callback(victim.signInCookie?.value);
    expect(answer.status).toBe(400);
    expect(cookieOf(answer, SESSION_COOKIE)).toBeUndefined();
  });

  it('logs why a sign-in failed as a reason code, never the state values it compared', async () => {
    const victim = await signIn({ person: 'maria-garcia' });
    const attacker = await signIn({ person: 'typed', name: 'Mallory', roles: 'admin' });
    const lines: string[] = [];
    const watched = new InvocationContext({ invocationId: 'test', functionName: 'staffSignIn', logHandler: (_level, ...args) => lines.push(args.map(String).join(' ')) });
    await signInCallbackHandler(dependencies)(new HttpRequest({ url: attacker.callbackUrl, method: 'GET', headers: { cookie: `${SIGN_IN_COOKIE}=${victim.signInCookie?.value ?? ''}` } }), watched);
    const failed = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line['event'] === 'staff-sign-in.failed');
    expect(failed).toEqual([{ event: 'staff-sign-in.failed', outcome: 'invalid', reason: 'state-mismatch' }]);
    for (const state of [victim.authorizeUrl, attacker.authorizeUrl].map((url) => new URL(url).searchParams.get('state') ?? 'no state')) {
      expect(lines.join('\n')).not.toContain(state);
    }
  });

  it('refuses a callback without the sign-in cookie, such as one opened in another browser', async () => {
    const answer = await (await signIn({ person: 'maria-garcia' })).callback('');
    expect(answer.status).toBe(400);
    expect(String(answer.body)).toContain('sign in again');
  });

  it('shows the issuer’s refusal when the person cancels there', async () => {
    const trip = await signIn({ person: 'maria-garcia' });
    const state = new URL(trip.authorizeUrl).searchParams.get('state') ?? '';
    const cancelled = `${redirectUri}?${new URLSearchParams({ error: 'access_denied', error_description: 'The user cancelled.', state }).toString()}`;
    const answer = (await signInCallbackHandler(dependencies)(
      new HttpRequest({ url: cancelled, method: 'GET', headers: { cookie: `${SIGN_IN_COOKIE}=${trip.signInCookie?.value ?? ''}` } }),
      context(),
    )) as HttpResponseInit;
    expect(answer.status).toBe(400);
    expect(String(answer.body)).toContain('The user cancelled.');
  });

  it('signs out: the session cookie is cleared and the browser goes through the issuer’s end-session endpoint to the signed-out page', async () => {
    const session = cookieOf(await (await signIn({ person: 'maria-garcia' })).callback(), SESSION_COOKIE);
    const opened = await openPage(session?.value);
    const csrf = opened.seen[0]?.csrfToken ?? '';
    const boundary = staffPageWith({ clock: systemClock, sessionKeys: dependencies.sessionKeys });
    const answer = (await boundary(signOutPageHandler(dependencies))(
      new HttpRequest({
        url: `${SITE}/staff/sign-out`,
        method: 'POST',
        headers: { cookie: `${SESSION_COOKIE}=${session?.value ?? ''}`, origin: SITE, 'content-type': 'application/x-www-form-urlencoded' },
        body: { string: new URLSearchParams({ csrf }).toString() },
      }),
      context(),
    )) as HttpResponseInit;
    // A page, not a redirect: the console's form-action 'self' would block a post redirected off the site.
    expect(answer.status).toBe(200);
    expect(cookieOf(answer, SESSION_COOKIE)).toMatchObject({ value: '', maxAge: 0 });
    const endSession = unescapeHtml(/<a href="([^"]+)">Finish signing out/.exec(String(answer.body))?.[1] ?? '');
    expect(String(answer.body)).toContain(`<meta http-equiv="refresh" content="0; url=${endSession.replace(/&/g, '&amp;')}">`);
    expect(endSession.startsWith(`${issuer.baseUrl}/logout?`)).toBe(true);
    const back = await fetch(endSession, { redirect: 'manual' });
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe(`${SITE}/staff/signed-out`);
  });

  it('is not sent back anywhere but Baton’s signed-out page by the issuer’s end-session endpoint', async () => {
    const elsewhere = await fetch(`${issuer.baseUrl}/logout?${new URLSearchParams({ post_logout_redirect_uri: 'https://evil.example/staff/signed-out' }).toString()}`, { redirect: 'manual' });
    expect(elsewhere.status).toBe(400);
  });

  it('ends the session after the idle time', async () => {
    const session = cookieOf(await (await signIn({ person: 'maria-garcia' })).callback(), SESSION_COOKIE);
    const later = staffPageWith({ clock: fixedClock(new Date(Date.now() + 31 * 60_000)), sessionKeys: dependencies.sessionKeys });
    const answer = (await later(async () => ({ status: 200 }))(
      new HttpRequest({ url: `${SITE}/staff`, method: 'GET', headers: { cookie: `${SESSION_COOKIE}=${session?.value ?? ''}` } }),
      context(),
    )) as HttpResponseInit;
    expect(answer.status).toBe(303);
    expect(header(answer, 'Location')).toBe('/staff/sign-in?returnTo=%2Fstaff');
  });
});

describe('the dev issuer’s token endpoint', () => {
  let issuer: RunningDevIssuer;

  beforeAll(async () => {
    issuer = await startDevIssuer({ port: 0 });
  });

  afterAll(async () => {
    await issuer.stop();
  });

  async function codeFor(challenge: string, redirectUri = `${SITE}/staff/sign-in/callback`): Promise<string> {
    const chosen = await fetch(`${issuer.baseUrl}/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ response_type: 'code', client_id: DEV_SIGN_IN_CLIENT.id, redirect_uri: redirectUri, code_challenge: challenge, code_challenge_method: 'S256', state: 's', person: 'maria-garcia' }).toString(),
      redirect: 'manual',
    });
    return new URL(chosen.headers.get('location') ?? '').searchParams.get('code') ?? '';
  }

  async function exchange(fields: Record<string, string>) {
    const answer = await fetch(`${issuer.baseUrl}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', client_id: DEV_SIGN_IN_CLIENT.id, client_secret: DEV_SIGN_IN_CLIENT.secret, redirect_uri: `${SITE}/staff/sign-in/callback`, ...fields }).toString(),
    });
    return { status: answer.status, body: (await answer.json()) as Record<string, unknown> };
  }

  const verifier = 'a'.repeat(43);
  const challenge = createHash('sha256').update(verifier).digest('base64url');

  it('refuses a code without the PKCE verifier it was issued for', async () => {
    const answer = await exchange({ code: await codeFor(challenge), code_verifier: 'b'.repeat(43) });
    expect(answer).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: 'the PKCE code_verifier does not match the code_challenge' } });
  });

  it('refuses a code sent with another redirect URI', async () => {
    const answer = await exchange({ code: await codeFor(challenge, 'http://127.0.0.1:9999/staff/sign-in/callback'), code_verifier: verifier });
    expect(answer.body).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a client with the wrong secret', async () => {
    const answer = await exchange({ code: await codeFor(challenge), code_verifier: verifier, client_secret: 'guess' });
    expect(answer).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });

  it('answers the right verifier with an ID token and an access token', async () => {
    const answer = await exchange({ code: await codeFor(challenge), code_verifier: verifier });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ token_type: 'Bearer', id_token: expect.any(String), access_token: expect.any(String) });
  });

  it('will not send a code to a redirect URI off this machine or off Baton’s callback', async () => {
    for (const redirectUri of ['https://evil.example/staff/sign-in/callback', `${SITE}/elsewhere`]) {
      const page = await fetch(`${issuer.baseUrl}/authorize?${new URLSearchParams({ response_type: 'code', client_id: DEV_SIGN_IN_CLIENT.id, redirect_uri: redirectUri, code_challenge: challenge, code_challenge_method: 'S256' }).toString()}`, { redirect: 'manual' });
      expect(page.status).toBe(400);
    }
  });

  it('still mints bearer tokens from JSON for npm run token', async () => {
    const answer = await fetch(`${issuer.baseUrl}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'engineer', name: 'Ana Silva' }) });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ token_type: 'Bearer', access_token: expect.any(String) });
  });
});

describe('signing in while the stack runs a virtual clock', () => {
  // `npm start -- --virtual-clock` moves the issuer's and the app's clocks away from real time,
  // while the OIDC client checks an ID token's lifetime by the machine's own clock.
  const virtualClock = fixedClock(new Date('2026-03-02T08:00:00Z'));
  let issuer: RunningDevIssuer;

  beforeAll(async () => {
    issuer = await startDevIssuer({ port: 0, clock: virtualClock });
  });

  afterAll(async () => {
    await issuer.stop();
  });

  it('signs a person in and opens a console page on that clock', async () => {
    const redirectUri = `${SITE}/staff/sign-in/callback`;
    const client = await discoverSignInClient({ issuer: issuer.issuer, clientId: DEV_SIGN_IN_CLIENT.id, clientSecret: DEV_SIGN_IN_CLIENT.secret, redirectUri });
    const sessionKeys = async () => ({ kind: 'ready', keys: [KEY] }) as const;
    const dependencies: SignInDependencies = { clock: virtualClock, sessionKeys, signInClient: async () => ({ kind: 'ready', client }), signedOutUrl: `${SITE}/staff/signed-out` };
    const started = (await signInHandler(dependencies)(new HttpRequest({ url: `${SITE}/staff/sign-in?returnTo=%2Fstaff`, method: 'GET' }), context())) as HttpResponseInit;
    const page = await (await fetch(header(started, 'Location'))).text();
    const chosen = await fetch(`${issuer.baseUrl}/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...hiddenFields(page), person: 'maria-garcia' }).toString(),
      redirect: 'manual',
    });
    const callback = new HttpRequest({ url: chosen.headers.get('location') ?? '', method: 'GET', headers: { cookie: `${SIGN_IN_COOKIE}=${cookieOf(started, SIGN_IN_COOKIE)?.value ?? ''}` } });
    const answer = (await signInCallbackHandler(dependencies)(callback, context())) as HttpResponseInit;
    expect({ status: answer.status, location: header(answer, 'Location') }).toEqual({ status: 303, location: '/staff' });

    const seen: string[] = [];
    const boundary = staffPageWith({ clock: virtualClock, sessionKeys });
    const opened = (await boundary(async (_request, session) => {
      seen.push(session.principal.id);
      return { status: 200 };
    })(new HttpRequest({ url: `${SITE}/staff`, method: 'GET', headers: { cookie: `${SESSION_COOKIE}=${cookieOf(answer, SESSION_COOKIE)?.value ?? ''}` } }), context())) as HttpResponseInit;
    expect({ status: opened.status, seen }).toEqual({ status: 200, seen: ['maria-garcia'] });
  });
});
