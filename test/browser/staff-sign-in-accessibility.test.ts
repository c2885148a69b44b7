/**
 * axe-core on every page of the staff sign-in layer, as a browser gets each one from the app on the
 * offline stack, at desktop width and at 390 px: the dev identity provider's sign-in page, the
 * signed-out page, a refused form post, a person without a role, sign-in being unavailable and a
 * form sent after the session ended. A screenshot of each goes to `test-output/staff/`. axe-core
 * is a script, so these pages run with JavaScript; none of them needs it.
 */
import type { Page } from 'playwright-core';
import { PAGE_SECURITY_HEADERS } from '../../shared/web/html-response';
import { signInUnavailablePage } from '../../shared/web/staff/session/session-pages';
import { useBrowserSuite } from './support/browser-suite';
import { DESKTOP, PHONE } from './support/screenshots';
import { accessibilityViolations, saveStaffScreenshot } from './support/staff-console';
import { PAGE_ACTION_MS, PAGE_LOAD_MS } from './support/step-limits';
import type { Steps } from './support/steps';

const suite = useBrowserSuite({ testTimeoutMs: 180_000 });

/** axe-core over a whole page, on a loaded two-core machine. */
const AXE_MS = 30_000;
const WIDTHS = [
  { name: 'desktop', viewport: DESKTOP },
  { name: 'phone', viewport: PHONE },
] as const;

/** At each width: no axe-core violation, and a full-page screenshot named after the page and width. */
async function expectAccessibleAtEveryWidth({ step }: Steps, page: Page, name: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize(width.viewport);
    const violations = await step(`check ${name} with axe-core at ${width.name} width`, AXE_MS, () => accessibilityViolations(page));
    await step(`screenshot ${name} at ${width.name} width`, PAGE_ACTION_MS, () => saveStaffScreenshot(page, `sign-in-layer-${name}-${width.name}`));
    expect({ page: name, width: width.name, violations }).toEqual({ page: name, width: width.name, violations: [] });
  }
}

function identityUrl(): string {
  const identity = suite.web.stack.urls.identity;
  if (identity === undefined) throw new Error('the local stack started without its dev issuer');
  return identity;
}

async function openDevSignInPage({ step }: Steps, page: Page): Promise<void> {
  await step('open Baton’s sign-in route and arrive at the dev issuer’s page', PAGE_LOAD_MS, async () => {
    await page.goto('/staff/sign-in');
    await page.getByRole('heading', { name: 'Sign in to Baton (development)' }).waitFor();
  });
}

/** Posts a form to the console's sign-out route from a page this test serves at `formUrl`. */
async function postSignOutFrom(steps: Steps, page: Page, formUrl: string, headers: Record<string, string>): Promise<number> {
  await page.route(formUrl, (route) =>
    route.fulfill({
      contentType: 'text/html',
      headers,
      body: `<!doctype html><html lang="en"><title>Form</title><form method="post" action="${suite.web.siteUrl}/staff/sign-out"><input type="hidden" name="csrf" value="not-this-session"><button>Send</button></form></html>`,
    }),
  );
  await steps.step('open the page holding the form', PAGE_LOAD_MS, () => page.goto(formUrl));
  const answer = await steps.step('send the form to the console', PAGE_ACTION_MS, async () => {
    const [response] = await Promise.all([page.waitForResponse(`${suite.web.siteUrl}/staff/sign-out`), page.getByRole('button', { name: 'Send' }).click()]);
    return response;
  });
  return answer.status();
}

describe('the staff sign-in pages are accessible', () => {
  suite.test('the dev identity provider’s sign-in page', async (steps) => {
    const page = await suite.newPage({ javaScript: true });
    await openDevSignInPage(steps, page);
    await expectAccessibleAtEveryWidth(steps, page, 'sign-in-dev-identity-provider');
  });

  suite.test('the signed-out page', async (steps) => {
    const page = await suite.newPage({ javaScript: true });
    await steps.step('open the signed-out page', PAGE_LOAD_MS, async () => {
      await page.goto('/staff/signed-out');
      await page.getByRole('heading', { name: 'You have signed out' }).waitFor();
    });
    await expectAccessibleAtEveryWidth(steps, page, 'signed-out');
  });

  suite.test('the page refusing a form posted from another origin', async (steps) => {
    const page = await suite.newPage({ javaScript: true });
    await openDevSignInPage(steps, page);
    await steps.step('sign in as Grace Okafor', PAGE_LOAD_MS, async () => {
      await Promise.all([page.waitForURL((url) => url.origin === suite.web.siteUrl), page.getByRole('button', { name: 'Grace Okafor' }).click()]);
    });
    // Another origin on the same machine, so same-site: the Lax session cookie travels with the post.
    expect(await postSignOutFrom(steps, page, `${identityUrl()}/attack`, {})).toBe(403);
    await steps.step('read the refusal', PAGE_ACTION_MS, () => page.getByRole('heading', { name: 'This request was refused' }).waitFor());
    await expectAccessibleAtEveryWidth(steps, page, 'cross-origin-post-refused');
  });

  suite.test('the page for a person who holds no Baton role', async (steps) => {
    const page = await suite.newPage({ javaScript: true });
    await openDevSignInPage(steps, page);
    const answer = await steps.step('sign in as someone typed in, with no role ticked', PAGE_LOAD_MS, async () => {
      await page.getByLabel('Name').fill('Robin Roleless');
      const [response] = await Promise.all([
        page.waitForResponse((response) => new URL(response.url()).pathname === '/staff/sign-in/callback'),
        page.getByRole('button', { name: 'Sign in', exact: true }).click(),
      ]);
      return response;
    });
    expect(answer.status()).toBe(403);
    await steps.step('read that there is no role', PAGE_ACTION_MS, () => page.getByRole('heading', { name: 'You have no role in Baton' }).waitFor());
    await expectAccessibleAtEveryWidth(steps, page, 'no-role');
  });

  suite.test('the page saying sign-in is unavailable', async (steps) => {
    const page = await suite.newPage({ javaScript: true });
    // The stack always has its identity provider and session key, so the app's page is served as
    // the app answers it when they are missing: the same markup and security headers.
    const unavailable = signInUnavailablePage('Baton could not reach the identity provider, or sign-in is not set up yet.');
    const url = `${suite.web.siteUrl}/staff/sign-in-unavailable`;
    await page.route(url, (route) =>
      route.fulfill({ status: unavailable.status ?? 200, headers: { ...PAGE_SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8' }, body: String(unavailable.body) }),
    );
    await steps.step('open the page', PAGE_LOAD_MS, async () => {
      await page.goto(url);
      await page.getByRole('heading', { name: 'Staff sign-in is unavailable' }).waitFor();
    });
    await expectAccessibleAtEveryWidth(steps, page, 'sign-in-unavailable');
  });

  suite.test('the page for a form sent after the session ended', async (steps) => {
    const page = await suite.newPage({ javaScript: true });
    expect(await postSignOutFrom(steps, page, `${suite.web.siteUrl}/a-console-form`, { ...PAGE_SECURITY_HEADERS })).toBe(401);
    await steps.step('read that the session has ended', PAGE_ACTION_MS, () => page.getByRole('heading', { name: 'Your session has ended' }).waitFor());
    await expectAccessibleAtEveryWidth(steps, page, 'session-ended');
  });
});
