/**
 * Markup typed into the form is only ever text: a payload that tries to close an attribute, start
 * a script, or add an element with an event handler is shown back exactly as typed, on the form
 * (with and without JavaScript) and on the status page, and nothing runs or appears.
 */
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { IntakeAnswerSchema } from '../../shared/tickets/intake-answer';
import { INTAKE_FIELDS, maxLengthOf, type IntakeFieldPath } from '../../shared/web/intake/intake-form-fields';
import { launchChromium } from './support/chromium';
import { fillIntakeForm, shownValue, uniqueRequesterEmail, validEntries, type FormEntries } from './support/intake-form-driver';
import { shownFieldErrors } from './support/page-inspection';
import { staffCommand, staffToken, waitForStatus } from './support/requester-api';
import { DESKTOP } from './support/screenshots';
import { startWebStack, type WebStack } from './support/web-stack';

jest.setTimeout(120_000);

/** Closes an attribute, opens a script, adds an element with a handler and one we can look for. */
const PAYLOAD = `"'><script>alert('script')</script><img src=x onerror="alert('img')"><b data-injected>&amp;</b>`;
/** For the phone number, whose limit is shorter than the payload. */
const SHORT_PAYLOAD = `<b data-injected>'"&</b>`;
/** A Tuesday afternoon in November: the ticket is assigned at once, so staff can answer it. */
const APP_TIME = '2026-11-24T14:00:00.000Z';

let web: WebStack;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [web, browser] = await Promise.all([startWebStack({ clockAt: APP_TIME }), launchChromium()]);
}, 180_000);

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

interface WatchedPage {
  readonly page: Page;
  readonly dialogs: string[];
}

async function watchedPage(javaScript: boolean): Promise<WatchedPage> {
  const context = await browser.newContext({ baseURL: web.siteUrl, javaScriptEnabled: javaScript, viewport: DESKTOP });
  contexts.push(context);
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { page, dialogs };
}

function payloadFor(path: IntakeFieldPath): string {
  const limit = maxLengthOf(path);
  return limit !== undefined && limit < PAYLOAD.length ? SHORT_PAYLOAD : PAYLOAD;
}

/** Every field a person types into, each holding the payload. */
function typedPayloads(): FormEntries {
  const entries: Partial<Record<IntakeFieldPath, string>> = {};
  for (const field of INTAKE_FIELDS) {
    if (['text', 'textarea', 'time-zone'].includes(field.control.kind)) entries[field.path] = payloadFor(field.path);
  }
  return entries;
}

/** The fields a person only chooses: a hostile client sends the payload in them anyway. */
const CHOSEN_FIELDS = ['productArea', 'severity', 'scope', 'requester.available24x7'] as const;

async function expectNothingInjected({ page, dialogs }: WatchedPage): Promise<void> {
  expect(await page.locator('[data-injected]').count()).toBe(0);
  expect(await page.locator('img').count()).toBe(0);
  // Only the page's own script, loaded from its own file.
  expect(await page.locator('script').count()).toBe(1);
  expect(await page.locator('script:not([src])').count()).toBe(0);
  expect(dialogs).toEqual([]);
}

async function expectTypedTextKept(page: Page, entries: FormEntries): Promise<void> {
  for (const [path, value] of Object.entries(entries)) {
    expect(await shownValue(page, path as IntakeFieldPath)).toBe(value);
  }
}

describe('markup typed into the form', () => {
  it('comes back as text in every field after a plain post, with the errors beside them', async () => {
    const watched = await watchedPage(false);
    const { page } = watched;
    // The chosen fields are rewritten on the way out, as a hostile client would send them.
    await page.route('**/', async (route) => {
      const request: Request = route.request();
      if (request.method() !== 'POST') return route.continue();
      const body = new URLSearchParams(request.postData() ?? '');
      for (const field of CHOSEN_FIELDS) body.set(field, PAYLOAD);
      return route.continue({ postData: body.toString() });
    });
    await page.goto('/');
    const entries = typedPayloads();
    await fillIntakeForm(page, entries);
    const [answer] = await Promise.all([page.waitForNavigation(), page.click('#submit-ticket')]);
    expect(answer?.status()).toBe(400);
    await expectNothingInjected(watched);
    await expectTypedTextKept(page, entries);
    const errors = (await shownFieldErrors(page)).map((error) => error.field);
    expect(errors).toEqual(expect.arrayContaining(['requester.email', 'tenantDomain', 'productArea', 'severity', 'scope', 'requester.available24x7']));
  });

  it('comes back as text in every field after the script sent it, with the errors beside them', async () => {
    const watched = await watchedPage(true);
    const { page } = watched;
    await page.route('**/api/tickets', async (route) => {
      const sent: unknown = JSON.parse(route.request().postData() ?? '{}');
      const body = typeof sent === 'object' && sent !== null ? (sent as Record<string, unknown>) : {};
      const requester = typeof body.requester === 'object' && body.requester !== null ? (body.requester as Record<string, unknown>) : {};
      const hostile = { ...body, productArea: PAYLOAD, severity: PAYLOAD, scope: PAYLOAD, requester: { ...requester, available24x7: PAYLOAD } };
      return route.continue({ postData: JSON.stringify(hostile) });
    });
    await page.goto('/');
    const entries = typedPayloads();
    await fillIntakeForm(page, entries);
    await page.click('#submit-ticket');
    await page.locator('#error-summary li').first().waitFor();
    await expectNothingInjected(watched);
    await expectTypedTextKept(page, entries);
    const errors = (await shownFieldErrors(page)).map((error) => error.field);
    expect(errors).toEqual(expect.arrayContaining(['requester.email', 'tenantDomain', 'productArea', 'severity', 'scope', 'requester.available24x7']));
  });

  it('is shown as text on the status page: the title, a reply, and a staff answer', async () => {
    const filing = await watchedPage(true);
    await filing.page.goto('/');
    const free: FormEntries = {
      'requester.name': PAYLOAD,
      company: PAYLOAD,
      title: PAYLOAD,
      description: `${PAYLOAD} Since Monday 09:00 every member of the finance group gets AADSTS53003 when signing in.`,
      businessImpact: PAYLOAD,
      whatWasTried: PAYLOAD,
      errorText: PAYLOAD,
      reproductionSteps: PAYLOAD,
      expectedBehaviour: PAYLOAD,
      actualBehaviour: PAYLOAD,
      attachmentsNote: PAYLOAD,
    };
    await fillIntakeForm(filing.page, validEntries(uniqueRequesterEmail('injection'), free));
    const [response] = await Promise.all([filing.page.waitForResponse((candidate) => new URL(candidate.url()).pathname === '/api/tickets'), filing.page.click('#submit-ticket')]);
    const answer = IntakeAnswerSchema.parse(await response.json());
    await expectNothingInjected(filing);
    await waitForStatus(web, answer.ticketNumber, answer.accessToken, ['assigned', 'investigating']);
    const lead = await staffToken(web, 'Grace Okafor', 'team-lead');
    expect(await staffCommand(web, answer.ticketNumber, lead, { type: 'respond', message: PAYLOAD })).toBe(200);

    const watched = await watchedPage(false);
    const { page } = watched;
    const link = new URL(answer.accessLink);
    await page.goto(`${link.pathname}${link.search}`);
    await page.fill('#action-replies', PAYLOAD);
    await Promise.all([page.waitForURL('**?done=requesterReply'), page.click('form[data-requester-action="requesterReply"] button')]);

    await expectNothingInjected(watched);
    expect(await page.textContent('#ticket-title')).toBe(PAYLOAD);
    expect(await page.locator('[data-event-type="customer-replied"] .said').textContent()).toBe(PAYLOAD);
    expect(await page.locator('[data-event-type="agent-responded"] .said').textContent()).toBe(PAYLOAD);
  });
});
