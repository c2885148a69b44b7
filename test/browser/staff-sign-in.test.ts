/**
 * Signing in to the staff console in a real browser against the real app on the offline stack:
 * Baton's sign-in route sends Chromium to the dev issuer's page, the person is picked there, and
 * the browser comes back signed in to the page it asked for, holding only an HttpOnly session
 * cookie. A form posted to the console from another origin is refused even with that cookie.
 */
import type { Page } from 'playwright-core';
import { PAGE_SECURITY_HEADERS } from '../../shared/web/html-response';
import { useBrowserSuite } from './support/browser-suite';
import { saveScreenshot } from './support/screenshots';
import { signInAs } from './support/staff-console';
import type { Steps } from './support/steps';
import { PAGE_ACTION_MS, PAGE_LOAD_MS } from './support/step-limits';

const suite = useBrowserSuite({ testTimeoutMs: 90_000 });

const RETURN_TO = '/staff/queue?severity=A';
const SESSION_COOKIE = 'baton_staff_session';
const SIGN_IN_COOKIE = 'baton_staff_sign_in';

function identityUrl(): string {
  const identity = suite.web.stack.urls.identity;
  if (identity === undefined) throw new Error('the local stack started without its dev issuer');
  return identity;
}

/** From Baton's sign-in route through the dev issuer's page, as `person`; answers the page, back on Baton. */
async function signIn({ step }: Steps, person: string): Promise<Page> {
  const page = await suite.newPage({ javaScript: false });
  await step('open Baton’s sign-in route and arrive at the dev issuer’s page', PAGE_LOAD_MS, async () => {
    await page.goto(`/staff/sign-in?returnTo=${encodeURIComponent(RETURN_TO)}`);
    await page.getByRole('heading', { name: 'Sign in to Baton (development)' }).waitFor();
  });
  expect(page.url().startsWith(`${identityUrl()}/authorize?`)).toBe(true);
  await step(`pick ${person} and come back to Baton`, PAGE_LOAD_MS, async () => {
    await Promise.all([page.waitForURL((url) => url.origin === suite.web.siteUrl && !url.pathname.startsWith('/staff/sign-in')), page.getByRole('button', { name: person }).click()]);
  });
  return page;
}

describe('signing in to the staff console in a browser', () => {
  suite.test('signs an engineer in through the dev issuer’s page and lands on the page asked for', async (steps) => {
    const page = await suite.newPage({ javaScript: false });
    await steps.step('show the dev issuer’s sign-in page', PAGE_LOAD_MS, async () => {
      await page.goto(`/staff/sign-in?returnTo=${encodeURIComponent(RETURN_TO)}`);
      await page.getByRole('button', { name: 'Tom Reyes' }).waitFor();
    });
    await saveScreenshot(page, 'staff-sign-in-dev-issuer');
    for (const person of ['María García', 'Grace Okafor', 'Lena Schulz']) expect(await page.getByRole('button', { name: person }).count()).toBe(1);

    const signedIn = await signIn(steps, 'María García');
    expect(new URL(signedIn.url()).pathname + new URL(signedIn.url()).search).toBe(RETURN_TO);
    const cookies = await signedIn.context().cookies(suite.web.siteUrl);
    expect(cookies.find((cookie) => cookie.name === SESSION_COOKIE)).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookies.find((cookie) => cookie.name === SIGN_IN_COOKIE)).toBeUndefined();
  });

  suite.test('refuses a form posted to the console from another origin, even with the session cookie', async (steps) => {
    const page = await signIn(steps, 'Grace Okafor');
    // Another origin on the same machine (so same-site: the Lax cookie travels), serving a form of its own.
    const attacker = `${identityUrl()}/attack`;
    await page.route(attacker, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>Win a prize</title><form method="post" action="${suite.web.siteUrl}/staff/sign-out"><input type="hidden" name="csrf" value="guessed"><button>Claim</button></form>`,
      }),
    );
    await steps.step('open the other origin’s page', PAGE_LOAD_MS, () => page.goto(attacker));
    const answer = await steps.step('send its form to the console', PAGE_ACTION_MS, async () => {
      const [response] = await Promise.all([page.waitForResponse(`${suite.web.siteUrl}/staff/sign-out`), page.getByRole('button', { name: 'Claim' }).click()]);
      return response;
    });
    expect(answer.status()).toBe(403);
    await steps.step('read the refusal', PAGE_ACTION_MS, () => page.getByRole('heading', { name: 'This request was refused' }).waitFor());
    await saveScreenshot(page, 'staff-cross-origin-post-refused');
    const cookies = await page.context().cookies(suite.web.siteUrl);
    expect(cookies.find((cookie) => cookie.name === SESSION_COOKIE)?.value).not.toBe('');
  });

  suite.test('answers a console form sent after the session ended with a way to sign in again that the page’s own CSP lets through', async (steps) => {
    const page = await suite.newPage({ javaScript: false });
    // A page of this site with the console's headers (form-action 'self' among them), holding a form.
    const formPage = `${suite.web.siteUrl}/a-console-form`;
    await page.route(formPage, (route) =>
      route.fulfill({
        contentType: 'text/html',
        headers: { ...PAGE_SECURITY_HEADERS },
        body: `<!doctype html><title>Form</title><form method="post" action="/staff/sign-out"><input type="hidden" name="csrf" value="from-an-old-session"><button>Send</button></form>`,
      }),
    );
    await steps.step('open the form', PAGE_LOAD_MS, () => page.goto(formPage));
    const answer = await steps.step('send it without a session', PAGE_ACTION_MS, async () => {
      const [response] = await Promise.all([page.waitForResponse(`${suite.web.siteUrl}/staff/sign-out`), page.getByRole('button', { name: 'Send' }).click()]);
      return response;
    });
    expect(answer.status()).toBe(401);
    await steps.step('read that the session has ended', PAGE_ACTION_MS, () => page.getByRole('heading', { name: 'Your session has ended' }).waitFor());
    await saveScreenshot(page, 'staff-session-ended');
    await steps.step('follow the link to sign in again, to the dev issuer’s page', PAGE_LOAD_MS, async () => {
      await page.getByRole('link', { name: 'Sign in again' }).click();
      await page.getByRole('heading', { name: 'Sign in to Baton (development)' }).waitFor();
    });
  });
  suite.test('signs out through the console frame’s sign-out form, after which a console page asks to sign in again', async (steps) => {
    const page = await suite.newPage({ javaScript: false });
    await steps.step('sign in as María García from the queue', PAGE_LOAD_MS, () => signInAs(page, 'maria-garcia', '/staff/queue'));
    const signOut = page.locator('form.sign-out');
    expect(await signOut.getAttribute('action')).toBe('/staff/sign-out');
    expect(await signOut.locator('input[type="hidden"][name="csrf"]').getAttribute('value')).toMatch(/\S{16,}/);
    await steps.step('sign out, through the identity provider’s sign-out, to the signed-out page', PAGE_LOAD_MS, async () => {
      await Promise.all([page.waitForURL((url) => url.origin === suite.web.siteUrl && url.pathname === '/staff/signed-out'), signOut.getByRole('button', { name: 'Sign out' }).click()]);
      await page.getByRole('heading', { name: 'You have signed out' }).waitFor();
    });
    const cookies = await page.context().cookies(suite.web.siteUrl);
    expect(cookies.find((cookie) => cookie.name === SESSION_COOKIE && cookie.value !== '')).toBeUndefined();
    await steps.step('open the queue again and be sent to the identity provider’s sign-in page', PAGE_LOAD_MS, async () => {
      await page.goto('/staff/queue');
      await page.getByRole('heading', { name: 'Sign in to Baton (development)' }).waitFor();
    });
    expect(page.url().startsWith(`${identityUrl()}/authorize?`)).toBe(true);
  });
});
