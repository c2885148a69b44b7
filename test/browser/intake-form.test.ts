/**
 * The support request form in a real browser against the real app on the offline stack: with
 * JavaScript (sent to the intake API with an idempotency key) and without (a plain form post).
 */
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { sampleOrgConfig } from '../../shared/domain/org/sample/sample-org';
import { ProblemSchema } from '../../shared/http/problem';
import { INTAKE_FIELD_GROUPS, INTAKE_FIELDS, controlIdOf } from '../../shared/web/intake/intake-form-fields';
import { SEV_A_RULE, SEVERITY_GUIDANCE } from '../../shared/web/intake/severity-guidance';
import { launchChromium } from './support/chromium';
import { fillIntakeForm, shownValue, uniqueRequesterEmail, validEntries, type FormEntries } from './support/intake-form-driver';
import { errorSummaryLinks, focusedElementId, shownFieldErrors } from './support/page-inspection';
import { DESKTOP, PHONE, saveScreenshot } from './support/screenshots';
import { startWebStack, type WebStack } from './support/web-stack';

/** A browser round trip through the whole stack, or a wait for Retry-After, outlasts a unit test's budget. */
jest.setTimeout(90_000);

let web: WebStack;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [web, browser] = await Promise.all([startWebStack(), launchChromium()]);
}, 180_000);

afterEach(async () => {
  web?.setStoreAvailable(true);
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

async function openForm(options: { javaScript: boolean; viewport?: { width: number; height: number } }): Promise<Page> {
  const context = await browser.newContext({
    baseURL: web.siteUrl,
    javaScriptEnabled: options.javaScript,
    viewport: options.viewport ?? DESKTOP,
    timezoneId: 'Asia/Tokyo',
  });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto('/');
  return page;
}

/** An incomplete and wrong request: too short, malformed, missing, and one optional field filled. */
function invalidEntries(): FormEntries {
  return {
    'requester.name': 'A',
    company: 'Contoso Ltd',
    tenantDomain: 'contoso.com',
    title: 'short',
    description: 'It does not work',
    whatWasTried: 'Restarted the laptops and cleared the browser cache',
    'requester.email': 'not-an-email',
    'requester.phone': 'call me',
    'requester.timeZone': 'Mars/Olympus_Mons',
  };
}

function intakeRequests(page: Page): string[] {
  const keys: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/tickets') keys.push(request.headers()['idempotency-key'] ?? '');
  });
  return keys;
}

async function receivedTicketNumber(page: Page): Promise<string> {
  const heading = page.locator('#submission-notice h2');
  await heading.waitFor();
  const text = ((await heading.textContent()) ?? '').trim();
  const match = /^Received: ticket (BTN-\d{6}-[0-9A-Z]{5})$/.exec(text);
  if (match?.[1] === undefined) throw new Error(`the page did not confirm a ticket: "${text}"`);
  return match[1];
}

describe('the support request form', () => {
  it('offers every intake field with its label, grouped, with the severity guidance and the Severity A rule beside the choice', async () => {
    const page = await openForm({ javaScript: true });
    const legends = await page.locator('fieldset.group > legend').allTextContents();
    expect(legends).toEqual(INTAKE_FIELD_GROUPS.map((group) => group.legend));
    for (const field of INTAKE_FIELDS) {
      const id = field.control.kind === 'choice' ? controlIdOf(field.path, field.control.options[0]?.value) : controlIdOf(field.path);
      // Every control is reachable by its label, as a screen reader announces it.
      expect(await page.locator(`label[for="${id}"]`).count()).toBe(1);
    }
    const severity = page.locator('fieldset[data-field="severity"]');
    for (const guidance of Object.values(SEVERITY_GUIDANCE)) {
      expect(await severity.getByText(guidance.description).count()).toBe(1);
    }
    expect(await page.locator('#group-impact').getByText(SEV_A_RULE).count()).toBe(1);
    const areas = await page.locator(`#${controlIdOf('productArea')} option`).allTextContents();
    expect(areas.slice(1)).toEqual(sampleOrgConfig.productCatalogue.map((area) => area.name));
    // The script preselects the browser's own time zone.
    expect(await page.inputValue(`#${controlIdOf('requester.timeZone')}`)).toBe('Asia/Tokyo');
    await saveScreenshot(page, 'form-desktop');
    const phone = await openForm({ javaScript: true, viewport: PHONE });
    await saveScreenshot(phone, 'form-phone');
  });

  it('warns, while the choice is made, that Severity A without 24x7 availability will be proposed as B', async () => {
    const page = await openForm({ javaScript: true });
    const warning = page.locator('#sev-a-warning');
    expect(await warning.isVisible()).toBe(false);
    await fillIntakeForm(page, { severity: 'A' });
    expect(await warning.isVisible()).toBe(true);
    await fillIntakeForm(page, { 'requester.available24x7': true });
    expect(await warning.isVisible()).toBe(false);
  });

  describe('with JavaScript', () => {
    it('says "Received: ticket BTN-…" once the server has stored it, and links to the ticket', async () => {
      const email = uniqueRequesterEmail('received');
      const page = await openForm({ javaScript: true });
      await fillIntakeForm(page, validEntries(email));
      await page.click('#submit-ticket');
      const ticketNumber = await receivedTicketNumber(page);
      expect(await web.storedTicketNumbers(email)).toEqual([ticketNumber]);
      expect(await focusedElementId(page)).toBe('submission-notice');
      await saveScreenshot(page, 'form-received-desktop');
      await page.click('#submission-notice a');
      await page.waitForURL(`**/tickets/${ticketNumber}`);
      expect(page.url()).not.toContain('access=');
      expect(await page.textContent('#ticket-number')).toBe(ticketNumber);
    });

    it("shows every field error from the server next to its field, keeps what was typed, and moves focus to the summary", async () => {
      const email = 'invalid.js@contoso.com';
      const page = await openForm({ javaScript: true });
      const entries = invalidEntries();
      await fillIntakeForm(page, entries);
      const [answer] = await Promise.all([page.waitForResponse((response) => new URL(response.url()).pathname === '/api/tickets'), page.click('#submit-ticket')]);
      expect(answer.status()).toBe(400);
      const problem = ProblemSchema.parse(await answer.json());
      const errors = problem.errors ?? [];
      await page.locator('#error-summary').waitFor();

      const shown = await shownFieldErrors(page);
      expect(shown.map((error) => error.field).sort()).toEqual([...new Set(errors.map((error) => error.field))].sort());
      for (const error of errors) {
        const slot = shown.find((candidate) => candidate.field === error.field);
        expect(slot?.text).toContain(error.message);
        expect(slot?.markedInvalid).toBe(true);
      }
      const links = await errorSummaryLinks(page);
      expect(links).toHaveLength(errors.length);
      expect(links.every((link) => link.targetExists)).toBe(true);
      expect(await focusedElementId(page)).toBe('error-summary');
      for (const [path, value] of Object.entries(entries)) {
        expect(await shownValue(page, path as keyof FormEntries)).toBe(value);
      }
      expect(await web.storedTicketNumbers(email)).toEqual([]);
      await saveScreenshot(page, 'form-errors-desktop');

      await page.setViewportSize(PHONE);
      await saveScreenshot(page, 'form-errors-phone');
      // A summary link takes the requester to the field it names.
      const first = links[0];
      if (first === undefined) throw new Error('the summary lists no error');
      await page.click(`#error-summary a[href="#${first.target}"]`);
      expect(await focusedElementId(page)).toBe(first.target);
    });

    it('while the store is down says plainly the request was NOT received, and the retry after Retry-After creates exactly one ticket', async () => {
      const email = uniqueRequesterEmail('outage');
      const page = await openForm({ javaScript: true });
      const keys = intakeRequests(page);
      await fillIntakeForm(page, validEntries(email));
      web.setStoreAvailable(false);
      const [refused] = await Promise.all([page.waitForResponse((response) => new URL(response.url()).pathname === '/api/tickets'), page.click('#submit-ticket')]);
      expect(refused.status()).toBe(503);
      const retryAfter = Number(refused.headers()['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      await page.locator('#submission-notice h2', { hasText: 'Your request was NOT received' }).waitFor();
      // Retry-After is honoured: until it has passed, neither button sends.
      expect(await page.isDisabled('[data-retry]')).toBe(true);
      expect(await page.isDisabled('#submit-ticket')).toBe(true);
      expect(await page.textContent('#submission-notice')).toContain(`${retryAfter} s`);
      await saveScreenshot(page, 'form-not-received-desktop');

      web.setStoreAvailable(true);
      expect(await web.storedTicketNumbers(email)).toEqual([]);
      await page.locator('[data-retry]:not([disabled])').waitFor({ timeout: (retryAfter + 10) * 1000 });
      await page.click('[data-retry]');
      const ticketNumber = await receivedTicketNumber(page);
      expect(await web.storedTicketNumbers(email)).toEqual([ticketNumber]);
      expect(keys).toHaveLength(2);
      expect(keys[1]).toBe(keys[0]);
    });

    it('when the answer is lost after the ticket was stored, the retry sends the same key and finds the same ticket', async () => {
      const email = uniqueRequesterEmail('lost-answer');
      const page = await openForm({ javaScript: true });
      const keys = intakeRequests(page);
      let storedBehindTheFailure = 0;
      await page.route('**/api/tickets', async (route: Route) => {
        if (storedBehindTheFailure > 0) return route.continue();
        // The request reaches the server and is stored; the browser then sees a 503 instead of the answer.
        storedBehindTheFailure = (await route.fetch()).status();
        return route.fulfill({ status: 503, headers: { 'Retry-After': '1', 'Content-Type': 'application/problem+json' }, body: '{}' });
      });
      await fillIntakeForm(page, validEntries(email));
      await page.click('#submit-ticket');
      await page.locator('#submission-notice h2', { hasText: 'Your request was NOT received' }).waitFor();
      expect(storedBehindTheFailure).toBe(202);
      await page.locator('[data-retry]:not([disabled])').waitFor();
      await page.click('[data-retry]');
      const ticketNumber = await receivedTicketNumber(page);
      expect(keys).toHaveLength(2);
      expect(keys[1]).toBe(keys[0]);
      expect(await web.storedTicketNumbers(email)).toEqual([ticketNumber]);
    });

    it('disables the button while sending, so a second press sends nothing', async () => {
      const email = uniqueRequesterEmail('double');
      const page = await openForm({ javaScript: true });
      const keys = intakeRequests(page);
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      await page.route('**/api/tickets', async (route: Route) => {
        await held;
        await route.continue();
      });
      await fillIntakeForm(page, validEntries(email));
      await page.click('#submit-ticket');
      expect(await page.isDisabled('#submit-ticket')).toBe(true);
      expect(await page.getAttribute('#intake-form', 'aria-busy')).toBe('true');
      // Enter in a field submits a form implicitly, unless its button is disabled.
      await page.press(`#${controlIdOf('title')}`, 'Enter');
      release();
      const ticketNumber = await receivedTicketNumber(page);
      expect(keys).toHaveLength(1);
      expect(await web.storedTicketNumbers(email)).toEqual([ticketNumber]);
    });
  });

  describe('without JavaScript', () => {
    it('posts the plain form and shows the server\'s field errors next to each field, with every value kept', async () => {
      const page = await openForm({ javaScript: false });
      const entries = invalidEntries();
      await fillIntakeForm(page, entries);
      const [answer] = await Promise.all([page.waitForNavigation(), page.click('#submit-ticket')]);
      expect(answer?.status()).toBe(400);
      const shown = await shownFieldErrors(page);
      expect(shown.map((error) => error.field).sort()).toEqual(
        ['requester.name', 'requester.email', 'requester.phone', 'requester.timeZone', 'tenantDomain', 'title', 'description', 'productArea', 'severity', 'scope', 'businessImpact'].sort(),
      );
      expect(shown.every((error) => error.markedInvalid)).toBe(true);
      expect(shown.find((error) => error.field === 'title')?.text).toBe('Summary must be at least 8 characters');
      const links = await errorSummaryLinks(page);
      expect(links.map((link) => link.text).sort()).toEqual(shown.map((error) => error.text).sort());
      expect(links.every((link) => link.targetExists)).toBe(true);
      expect(await focusedElementId(page)).toBe('error-summary');
      for (const [path, value] of Object.entries(entries)) {
        expect(await shownValue(page, path as keyof FormEntries)).toBe(value);
      }
      await saveScreenshot(page, 'form-errors-no-javascript-desktop');
    });

    it('redirects a stored request to its status page, which confirms it and keeps the token out of the address', async () => {
      const email = uniqueRequesterEmail('plain');
      const page = await openForm({ javaScript: false });
      await fillIntakeForm(page, validEntries(email));
      await Promise.all([page.waitForURL('**/tickets/*?received=1'), page.click('#submit-ticket')]);
      const ticketNumber = (await page.textContent('#ticket-number')) ?? '';
      expect(await web.storedTicketNumbers(email)).toEqual([ticketNumber]);
      expect(await page.textContent('#flash')).toContain(`Received: ticket ${ticketNumber}`);
      expect(page.url()).not.toContain('access=');
      const cookies = await page.context().cookies();
      expect(cookies).toEqual([expect.objectContaining({ name: 'baton_access', path: `/tickets/${ticketNumber}`, httpOnly: true, sameSite: 'Lax' })]);
    });

    it('while the store is down re-renders the form saying it was NOT received, and sending it again creates exactly one ticket', async () => {
      const email = uniqueRequesterEmail('plain-outage');
      const page = await openForm({ javaScript: false });
      const entries = validEntries(email);
      await fillIntakeForm(page, entries);
      web.setStoreAvailable(false);
      const [refused] = await Promise.all([page.waitForNavigation(), page.click('#submit-ticket')]);
      expect(refused?.status()).toBe(503);
      expect(await page.textContent('#submission-notice h2')).toBe('Your request was NOT received');
      for (const [path, value] of Object.entries(entries)) {
        expect(await shownValue(page, path as keyof FormEntries)).toBe(value);
      }
      web.setStoreAvailable(true);
      expect(await web.storedTicketNumbers(email)).toEqual([]);
      await Promise.all([page.waitForURL('**/tickets/*?received=1'), page.click('#submit-ticket')]);
      const ticketNumber = (await page.textContent('#ticket-number')) ?? '';
      expect(await web.storedTicketNumbers(email)).toEqual([ticketNumber]);
    });
  });
});
