/**
 * The support request form in a real browser against the real app on the offline stack: with
 * JavaScript (sent to the intake API with an idempotency key) and without (a plain form post).
 */
import type { Page, Route } from 'playwright-core';
import { sampleOrgConfig } from '../../shared/domain/org/sample/sample-org';
import { ProblemSchema } from '../../shared/http-edge/problem';
import { INTAKE_FIELD_GROUPS, INTAKE_FIELDS, controlIdOf } from '../../shared/web/intake/intake-form-fields';
import { SEV_A_RULE, SEVERITY_GUIDANCE } from '../../shared/domain/severity/severity-guidance';
import { REQUEST_LIMIT_MS } from './support/bounded-request';
import { useBrowserSuite } from './support/browser-suite';
import { fillIntakeForm, shownValue, uniqueRequesterEmail, validEntries, type FormEntries } from './support/intake-form-driver';
import { errorSummaryLinks, focusedElementId, shownFieldErrors } from './support/page-inspection';
import { PHONE, saveScreenshot } from './support/screenshots';
import { API_CALL_MS, FORM_FILL_MS, FORM_SEND_MS, PAGE_ACTION_MS, PAGE_LOAD_MS } from './support/step-limits';

/** A browser round trip through the whole stack and a wait for Retry-After: up to 92 s of step limits. */
const suite = useBrowserSuite({
  testTimeoutMs: 150_000,
  // A test that took the store down must not leave it down for the next.
  afterEachTest: (web) => web.setStoreAvailable(true),
});

async function openForm(options: { javaScript: boolean; viewport?: { width: number; height: number } }): Promise<Page> {
  const page = await suite.newPage({ ...options, timezoneId: 'Asia/Tokyo' });
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
  suite.test('offers every intake field with its label, grouped, with the severity guidance and the Severity A rule beside the choice', async ({ step }) => {
    const page = await step('open the form', PAGE_LOAD_MS, () => openForm({ javaScript: true }));
    const legends = await page.locator('fieldset.group > legend').allTextContents();
    // The files come last, after every field of the request (see test/browser/attachments.test.ts).
    expect(legends).toEqual([...INTAKE_FIELD_GROUPS.map((group) => group.legend), 'Files']);
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
    await step('save the review screenshot', PAGE_ACTION_MS, () => saveScreenshot(page, 'form-desktop'));
    const phone = await step('open the form on a phone', PAGE_LOAD_MS, () => openForm({ javaScript: true, viewport: PHONE }));
    await step("save the phone's review screenshot", PAGE_ACTION_MS, () => saveScreenshot(phone, 'form-phone'));
  });

  suite.test('warns, while the choice is made, that Severity A without 24x7 availability will be proposed as B', async ({ step }) => {
    const page = await step('open the form', PAGE_LOAD_MS, () => openForm({ javaScript: true }));
    const warning = page.locator('#sev-a-warning');
    expect(await warning.isVisible()).toBe(false);
    await step('choose Severity A', PAGE_ACTION_MS, () => fillIntakeForm(page, { severity: 'A' }));
    expect(await warning.isVisible()).toBe(true);
    await step('say the requester is available around the clock', PAGE_ACTION_MS, () => fillIntakeForm(page, { 'requester.available24x7': true }));
    expect(await warning.isVisible()).toBe(false);
  });

  describe('with JavaScript', () => {
    suite.test('says "Received: ticket BTN-…" once the server has stored it, and links to the ticket', async ({ step }) => {
      const email = uniqueRequesterEmail('received');
      const page = await step('open the form', PAGE_LOAD_MS, () => openForm({ javaScript: true }));
      await step('fill a valid request', FORM_FILL_MS, () => fillIntakeForm(page, validEntries(email)));
      const ticketNumber = await step('send the form and wait for the confirmation', FORM_SEND_MS, async () => {
        await page.click('#submit-ticket');
        return receivedTicketNumber(page);
      });
      expect(await step('count the stored tickets', API_CALL_MS, () => suite.web.storedTicketNumbers(email))).toEqual([ticketNumber]);
      expect(await focusedElementId(page)).toBe('submission-notice');
      await step('save the review screenshot', PAGE_ACTION_MS, () => saveScreenshot(page, 'form-received-desktop'));
      await step('follow the link to the ticket', PAGE_LOAD_MS, async () => {
        await page.click('#submission-notice a');
        await page.waitForURL(`**/tickets/${ticketNumber}`);
      });
      expect(page.url()).not.toContain('access=');
      expect(await page.textContent('#ticket-number')).toBe(ticketNumber);
    });

    suite.test("shows every field error from the server next to its field, keeps what was typed, and moves focus to the summary", async ({ step }) => {
      const email = 'invalid.js@contoso.com';
      const page = await step('open the form', PAGE_LOAD_MS, () => openForm({ javaScript: true }));
      const entries = invalidEntries();
      await step('fill an invalid request', FORM_FILL_MS, () => fillIntakeForm(page, entries));
      const problem = await step('send the form and wait for the error summary', FORM_SEND_MS, async () => {
        const [answer] = await Promise.all([page.waitForResponse((response) => new URL(response.url()).pathname === '/api/tickets'), page.click('#submit-ticket')]);
        expect(answer.status()).toBe(400);
        const sent = ProblemSchema.parse(await answer.json());
        await page.locator('#error-summary').waitFor();
        return sent;
      });
      const errors = problem.errors ?? [];

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
      expect(await step('count the stored tickets', API_CALL_MS, () => suite.web.storedTicketNumbers(email))).toEqual([]);
      await step('save the review screenshots', PAGE_ACTION_MS, async () => {
        await saveScreenshot(page, 'form-errors-desktop');
        await page.setViewportSize(PHONE);
        await saveScreenshot(page, 'form-errors-phone');
      });
      // A summary link takes the requester to the field it names.
      const first = links[0];
      if (first === undefined) throw new Error('the summary lists no error');
      await step('follow the first summary link', PAGE_ACTION_MS, () => page.click(`#error-summary a[href="#${first.target}"]`));
      expect(await focusedElementId(page)).toBe(first.target);
    });

    suite.test('while the store is down says plainly the request was NOT received, and the retry after Retry-After creates exactly one ticket', async ({ step }) => {
      const email = uniqueRequesterEmail('outage');
      const page = await step('open the form', PAGE_LOAD_MS, () => openForm({ javaScript: true }));
      const keys = intakeRequests(page);
      await step('fill a valid request', FORM_FILL_MS, () => fillIntakeForm(page, validEntries(email)));
      suite.web.setStoreAvailable(false);
      const retryAfter = await step('send the form while the store is down', FORM_SEND_MS, async () => {
        const [refused] = await Promise.all([page.waitForResponse((response) => new URL(response.url()).pathname === '/api/tickets'), page.click('#submit-ticket')]);
        expect(refused.status()).toBe(503);
        await page.locator('#submission-notice h2', { hasText: 'Your request was NOT received' }).waitFor();
        return Number(refused.headers()['retry-after']);
      });
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      // Retry-After is honoured: until it has passed, neither button sends.
      expect(await page.isDisabled('[data-retry]')).toBe(true);
      expect(await page.isDisabled('#submit-ticket')).toBe(true);
      expect(await page.textContent('#submission-notice')).toContain(`${retryAfter} s`);
      await step('save the review screenshot', PAGE_ACTION_MS, () => saveScreenshot(page, 'form-not-received-desktop'));

      suite.web.setStoreAvailable(true);
      expect(await step('count the stored tickets', API_CALL_MS, () => suite.web.storedTicketNumbers(email))).toEqual([]);
      const retryEnabledWithinMs = (retryAfter + 10) * 1000;
      // Playwright's own limit ends the wait first, so the failure carries its call log.
      await step('wait for Retry-After to pass', retryEnabledWithinMs + 1_000, () => page.locator('[data-retry]:not([disabled])').waitFor({ timeout: retryEnabledWithinMs }));
      const ticketNumber = await step('retry and wait for the confirmation', FORM_SEND_MS, async () => {
        await page.click('[data-retry]');
        return receivedTicketNumber(page);
      });
      expect(await step('count the stored tickets again', API_CALL_MS, () => suite.web.storedTicketNumbers(email))).toEqual([ticketNumber]);
      expect(keys).toHaveLength(2);
      expect(keys[1]).toBe(keys[0]);
    });

    suite.test('past the intake limit says the request was not stored because too many were sent, and to wait the hour the server names, not that the desk is down', async ({ step }) => {
      const email = uniqueRequesterEmail('rate-limited');
      const page = await step('open the form', PAGE_LOAD_MS, () => openForm({ javaScript: true }));
      // The intake API's own answer past the per-mailbox limit, as the offline stack's raised limits never give it here.
      await page.route('**/api/tickets', (route: Route) =>
        route.fulfill({
          status: 429,
          headers: { 'Retry-After': '3597', 'Content-Type': 'application/problem+json' },
          body: JSON.stringify({ type: 'https://baton.dev/problems/rate-limited', title: 'Too many requests', status: 429, detail: 'Too many support requests were sent for this email address recently. Nothing was recorded; send it again after the Retry-After delay.' }),
        }),
      );
      await step('fill a valid request', FORM_FILL_MS, () => fillIntakeForm(page, validEntries(email)));
      await step('send the form past the limit', FORM_SEND_MS, async () => {
        await page.click('#submit-ticket');
        await page.locator('#submission-notice h2', { hasText: 'Your request was NOT received' }).waitFor();
      });
      const notice = (await page.textContent('#submission-notice')) ?? '';
      expect(notice).toContain('too many support requests');
      expect(notice).not.toContain('unavailable');
      expect(notice).toContain('about 60 min');
      expect(notice).not.toContain('Retry-After');
      expect(await page.isDisabled('[data-retry]')).toBe(true);
      expect(await page.isDisabled('#submit-ticket')).toBe(true);
    });

    suite.test('when the answer is lost after the ticket was stored, the retry sends the same key and finds the same ticket', async ({ step }) => {
      const email = uniqueRequesterEmail('lost-answer');
      const page = await step('open the form', PAGE_LOAD_MS, () => openForm({ javaScript: true }));
      const keys = intakeRequests(page);
      let storedBehindTheFailure = 0;
      await page.route('**/api/tickets', async (route: Route) => {
        if (storedBehindTheFailure > 0) return route.continue();
        // The request reaches the server and is stored; the browser then sees a 503 instead of the answer.
        storedBehindTheFailure = (await route.fetch({ timeout: REQUEST_LIMIT_MS })).status();
        return route.fulfill({ status: 503, headers: { 'Retry-After': '1', 'Content-Type': 'application/problem+json' }, body: '{}' });
      });
      await step('fill a valid request', FORM_FILL_MS, () => fillIntakeForm(page, validEntries(email)));
      await step('send the form and lose the answer', FORM_SEND_MS, async () => {
        await page.click('#submit-ticket');
        await page.locator('#submission-notice h2', { hasText: 'Your request was NOT received' }).waitFor();
      });
      expect(storedBehindTheFailure).toBe(202);
      const ticketNumber = await step('retry after Retry-After and wait for the confirmation', FORM_SEND_MS, async () => {
        await page.locator('[data-retry]:not([disabled])').waitFor();
        await page.click('[data-retry]');
        return receivedTicketNumber(page);
      });
      expect(keys).toHaveLength(2);
      expect(keys[1]).toBe(keys[0]);
      expect(await step('count the stored tickets', API_CALL_MS, () => suite.web.storedTicketNumbers(email))).toEqual([ticketNumber]);
    });

    suite.test('disables the button while sending, so a second press sends nothing', async ({ step }) => {
      const email = uniqueRequesterEmail('double');
      const page = await step('open the form', PAGE_LOAD_MS, () => openForm({ javaScript: true }));
      const keys = intakeRequests(page);
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      await page.route('**/api/tickets', async (route: Route) => {
        await held;
        await route.continue();
      });
      await step('fill a valid request', FORM_FILL_MS, () => fillIntakeForm(page, validEntries(email)));
      await step('send the form, held on its way', PAGE_ACTION_MS, () => page.click('#submit-ticket'));
      expect(await page.isDisabled('#submit-ticket')).toBe(true);
      expect(await page.getAttribute('#intake-form', 'aria-busy')).toBe('true');
      // Enter in a field submits a form implicitly, unless its button is disabled.
      await step('press Enter in a field', PAGE_ACTION_MS, () => page.press(`#${controlIdOf('title')}`, 'Enter'));
      release();
      const ticketNumber = await step('let the request through and wait for the confirmation', FORM_SEND_MS, () => receivedTicketNumber(page));
      expect(keys).toHaveLength(1);
      expect(await step('count the stored tickets', API_CALL_MS, () => suite.web.storedTicketNumbers(email))).toEqual([ticketNumber]);
    });
  });

  describe('without JavaScript', () => {
    suite.test("posts the plain form and shows the server's field errors next to each field, with every value kept", async ({ step }) => {
      const page = await step('open the form', PAGE_LOAD_MS, () => openForm({ javaScript: false }));
      const entries = invalidEntries();
      await step('fill an invalid request', FORM_FILL_MS, () => fillIntakeForm(page, entries));
      const answer = await step('post the form', FORM_SEND_MS, async () => {
        const [navigation] = await Promise.all([page.waitForNavigation(), page.click('#submit-ticket')]);
        return navigation;
      });
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
      await step('save the review screenshot', PAGE_ACTION_MS, () => saveScreenshot(page, 'form-errors-no-javascript-desktop'));
    });

    suite.test('redirects a stored request to its status page, which confirms it and keeps the token out of the address', async ({ step }) => {
      const email = uniqueRequesterEmail('plain');
      const page = await step('open the form', PAGE_LOAD_MS, () => openForm({ javaScript: false }));
      await step('fill a valid request', FORM_FILL_MS, () => fillIntakeForm(page, validEntries(email)));
      await step('post the form and follow it to the status page', FORM_SEND_MS, async () => {
        await Promise.all([page.waitForURL('**/tickets/*?received=1'), page.click('#submit-ticket')]);
      });
      const ticketNumber = (await page.textContent('#ticket-number')) ?? '';
      expect(await step('count the stored tickets', API_CALL_MS, () => suite.web.storedTicketNumbers(email))).toEqual([ticketNumber]);
      expect(await page.textContent('#flash')).toContain(`Received: ticket ${ticketNumber}`);
      expect(page.url()).not.toContain('access=');
      const cookies = await page.context().cookies();
      expect(cookies).toEqual([expect.objectContaining({ name: 'baton_access', path: `/tickets/${ticketNumber}`, httpOnly: true, sameSite: 'Lax' })]);
    });

    suite.test('while the store is down re-renders the form saying it was NOT received, and sending it again creates exactly one ticket', async ({ step }) => {
      const email = uniqueRequesterEmail('plain-outage');
      const page = await step('open the form', PAGE_LOAD_MS, () => openForm({ javaScript: false }));
      const entries = validEntries(email);
      await step('fill a valid request', FORM_FILL_MS, () => fillIntakeForm(page, entries));
      suite.web.setStoreAvailable(false);
      const refused = await step('post the form while the store is down', FORM_SEND_MS, async () => {
        const [navigation] = await Promise.all([page.waitForNavigation(), page.click('#submit-ticket')]);
        return navigation;
      });
      expect(refused?.status()).toBe(503);
      expect(await page.textContent('#submission-notice h2')).toBe('Your request was NOT received');
      for (const [path, value] of Object.entries(entries)) {
        expect(await shownValue(page, path as keyof FormEntries)).toBe(value);
      }
      suite.web.setStoreAvailable(true);
      expect(await step('count the stored tickets', API_CALL_MS, () => suite.web.storedTicketNumbers(email))).toEqual([]);
      await step('post the form again and follow it to the status page', FORM_SEND_MS, async () => {
        await Promise.all([page.waitForURL('**/tickets/*?received=1'), page.click('#submit-ticket')]);
      });
      const ticketNumber = (await page.textContent('#ticket-number')) ?? '';
      expect(await step('count the stored tickets again', API_CALL_MS, () => suite.web.storedTicketNumbers(email))).toEqual([ticketNumber]);
    });
  });
});
