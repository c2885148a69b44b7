/**
 * Signing in to the staff console through the dev issuer's own sign-in page, in a real browser
 * against the whole offline stack, and what a page shows without a valid session: a TAM follows
 * the link in a Sev A email, signs in and lands on that ticket; a forged session, an expired one,
 * a requester's cookie and a form posted from another site get no ticket data. The stack's clock
 * starts at the machine's time and is moved on to let a session expire.
 */
import type { Page } from 'playwright-core';
import { useBrowserSuite } from './support/browser-suite';
import { expectAccessibleAtBothWidths, signInAs } from './support/staff-console';
import { devIdOf } from '../../infra/local/identity/dev-people';
import { consoleLinksMailedTo, fileTicket, staffView } from './support/staff-console-driver';
import { API_CALL_MS, LIFECYCLE_WAIT_MS, PAGE_LOAD_MS } from './support/step-limits';
import type { Steps } from './support/steps';

const suite = useBrowserSuite({ stack: { clockAt: new Date().toISOString() }, testTimeoutMs: 180_000 });

let filed = 0;
function uniqueEmail(label: string): string {
  filed += 1;
  return `sign-in.${label}.${filed}.${Date.now()}@contoso.com`;
}

function identityUrl(): string {
  const url = suite.web.stack.urls.identity;
  if (url === undefined) throw new Error('the stack runs without its dev issuer');
  return url;
}

async function browserAt(javaScript = true): Promise<Page> {
  return suite.newPage({ javaScript });
}

/** Opens a console page; without a session Baton sends the browser to the dev issuer, where the person signs in. */
async function openSignedIn(steps: Steps, page: Page, path: string, personId: string): Promise<void> {
  await steps.step(`open ${path} and sign in as ${personId} on the dev issuer's page`, PAGE_LOAD_MS * 2, () => signInAs(page, personId, path));
}

describe('signing in to the staff console', () => {
  suite.test('a TAM opens the ticket from the link in the Sev A email', async (steps) => {
    const { step } = steps;
    const answer = await step('file a Sev A ticket', API_CALL_MS, () => fileTicket(suite.web, { email: uniqueEmail('tam'), severity: 'A', title: 'Conditional Access locks out the board' }));
    const links = await step('wait for the Sev A email to the TAM', LIFECYCLE_WAIT_MS, async () => {
      for (;;) {
        const found = consoleLinksMailedTo(suite.web, 'tom.reyes@css.example', answer.ticketNumber);
        if (found.length > 0) return found;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    });
    const link = new URL(links[0] ?? '');
    const page = await browserAt();
    await openSignedIn(steps, page, `${link.pathname}${link.search}`, devIdOf('Tom Reyes'));
    expect(page.url()).toBe(`${suite.web.siteUrl}/staff/tickets/${answer.ticketNumber}`);
    expect(await page.locator('#ticket-number').textContent()).toBe(answer.ticketNumber);
    expect(await page.locator('form[data-command="respond"]').count()).toBe(0);
    await expectAccessibleAtBothWidths(steps, page, 'walk-ticket-tam');
  });

  suite.test('a forged or expired session, a cross-site form post and a requester’s cookie get no ticket data', async (steps) => {
    const { step } = steps;
    const answer = await step('file a Sev B ticket', API_CALL_MS, () => fileTicket(suite.web, { email: uniqueEmail('guard'), severity: 'B', title: 'Secret title 7f3c' }));
    const path = `/staff/tickets/${answer.ticketNumber}`;

    const forged = await browserAt(false);
    await forged.context().addCookies([{ name: 'baton_staff_session', value: 'forged.value.that-no-key-sealed', url: suite.web.siteUrl }]);
    await step('open the ticket page with a forged session', PAGE_LOAD_MS, () => forged.goto(path));
    expect(forged.url().startsWith(identityUrl())).toBe(true);
    expect(await forged.content()).not.toContain('Secret title 7f3c');

    const requester = await browserAt(false);
    await step('open the requester’s access link', PAGE_LOAD_MS, () => requester.goto(`${new URL(answer.accessLink).pathname}${new URL(answer.accessLink).search}`));
    await step('open the staff page with the requester’s cookie', PAGE_LOAD_MS, () => requester.goto(path));
    expect(requester.url().startsWith(`${suite.web.siteUrl}${path}`)).toBe(false);
    expect(await requester.content()).not.toContain('Secret title 7f3c');

    const lead = await browserAt(false);
    await openSignedIn(steps, lead, path, 'grace-okafor');
    const before = await step('read the ticket through the staff API', API_CALL_MS, () => staffView(suite.web, answer.ticketNumber));
    const csrf = (await lead.locator('form[data-command="internal-note"] input[name="csrf"]').getAttribute('value')) ?? '';
    const crossSite = await step('post a note from another site', API_CALL_MS, () =>
      lead.request.post(path, { form: { csrf, type: 'internal-note', note: 'Posted from elsewhere' }, headers: { Origin: 'https://attacker.example' }, maxRedirects: 0 }),
    );
    expect(crossSite.status()).toBeGreaterThanOrEqual(400);
    const after = await step('read the ticket again', API_CALL_MS, () => staffView(suite.web, answer.ticketNumber));
    expect(after.timeline).toHaveLength(before.timeline.length);

    // A session ends after half an hour without use, on the service's clock.
    await step('leave the session idle past its end', 30_000, () => suite.web.stack.advanceClock(31 * 60 * 1000));
    await step('reload the ticket page', PAGE_LOAD_MS, () => lead.reload());
    expect(lead.url().startsWith(identityUrl())).toBe(true);
    expect(await lead.content()).not.toContain('Secret title 7f3c');
  });
});
