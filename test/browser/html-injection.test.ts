/**
 * Markup typed into the form is only ever text: a payload that tries to close an attribute, start
 * a script, or add an element with an event handler is shown back exactly as typed, on the form
 * (with and without JavaScript) and on the status page, and nothing runs or appears.
 */
import type { Page, Request } from 'playwright-core';
import { IntakeAnswerSchema } from '../../shared/intake/intake-answer';
import { INTAKE_FIELDS, maxLengthOf, type IntakeFieldPath } from '../../shared/web/intake/intake-form-fields';
import { useBrowserSuite } from './support/browser-suite';
import { fillIntakeForm, shownValue, uniqueRequesterEmail, validEntries, type FormEntries } from './support/intake-form-driver';
import { shownFieldErrors } from './support/page-inspection';
import { staffCommand, staffToken, waitForStatus } from './support/requester-api';
import { API_CALL_MS, FORM_FILL_MS, FORM_SEND_MS, LIFECYCLE_WAIT_MS, PAGE_LOAD_MS } from './support/step-limits';

/** Closes an attribute, opens a script, adds an element with a handler and one we can look for. */
const PAYLOAD = `"'><script>alert('script')</script><img src=x onerror="alert('img')"><b data-injected>&amp;</b>`;
/** For the phone number, whose limit is shorter than the payload. */
const SHORT_PAYLOAD = `<b data-injected>'"&</b>`;
/** A Tuesday afternoon in November: the ticket is assigned at once, so staff can answer it. */
const APP_TIME = '2026-11-24T14:00:00.000Z';

/** Filing, the lifecycle's assignment, a staff answer and a reply: up to 98 s of step limits. */
const suite = useBrowserSuite({ stack: { clockAt: APP_TIME }, testTimeoutMs: 150_000 });

interface WatchedPage {
  readonly page: Page;
  readonly dialogs: string[];
}

/** A page that records every dialog a script opens, opened at `path`. */
async function watchedPage(javaScript: boolean, path: string): Promise<WatchedPage> {
  const page = await suite.newPage({ javaScript });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(path);
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
  suite.test('comes back as text in every field after a plain post, with the errors beside them', async ({ step }) => {
    const watched = await step('open the form without JavaScript', PAGE_LOAD_MS, async () => {
      const opened = await watchedPage(false, '/');
      // The chosen fields are rewritten on the way out, as a hostile client would send them.
      await opened.page.route('**/', async (route) => {
        const request: Request = route.request();
        if (request.method() !== 'POST') return route.continue();
        // The form posts multipart/form-data (it has a file field); the rewrite is sent urlencoded, as a client may.
        const posted = await new Response(request.postDataBuffer() ?? Buffer.alloc(0), { headers: { 'content-type': (await request.allHeaders())['content-type'] ?? '' } }).formData();
        const body = new URLSearchParams();
        posted.forEach((value, name) => {
          if (typeof value === 'string') body.append(name, value);
        });
        for (const field of CHOSEN_FIELDS) body.set(field, PAYLOAD);
        return route.continue({ postData: body.toString(), headers: { ...(await request.allHeaders()), 'content-type': 'application/x-www-form-urlencoded' } });
      });
      return opened;
    });
    const { page } = watched;
    const entries = typedPayloads();
    await step('type the markup into every field', FORM_FILL_MS, () => fillIntakeForm(page, entries));
    const answer = await step('post the form', FORM_SEND_MS, async () => {
      const [navigation] = await Promise.all([page.waitForNavigation(), page.click('#submit-ticket')]);
      return navigation;
    });
    expect(answer?.status()).toBe(400);
    await expectNothingInjected(watched);
    await expectTypedTextKept(page, entries);
    const errors = (await shownFieldErrors(page)).map((error) => error.field);
    expect(errors).toEqual(expect.arrayContaining(['requester.email', 'tenantDomain', 'productArea', 'severity', 'scope', 'requester.available24x7']));
  });

  suite.test('comes back as text in every field after the script sent it, with the errors beside them', async ({ step }) => {
    const watched = await step('open the form with JavaScript', PAGE_LOAD_MS, async () => {
      const opened = await watchedPage(true, '/');
      await opened.page.route('**/api/tickets', async (route) => {
        const sent: unknown = JSON.parse(route.request().postData() ?? '{}');
        const body = typeof sent === 'object' && sent !== null ? (sent as Record<string, unknown>) : {};
        const requester = typeof body.requester === 'object' && body.requester !== null ? (body.requester as Record<string, unknown>) : {};
        const hostile = { ...body, productArea: PAYLOAD, severity: PAYLOAD, scope: PAYLOAD, requester: { ...requester, available24x7: PAYLOAD } };
        return route.continue({ postData: JSON.stringify(hostile) });
      });
      return opened;
    });
    const { page } = watched;
    const entries = typedPayloads();
    await step('type the markup into every field', FORM_FILL_MS, () => fillIntakeForm(page, entries));
    await step('send the form and wait for the error summary', FORM_SEND_MS, async () => {
      await page.click('#submit-ticket');
      await page.locator('#error-summary li').first().waitFor();
    });
    await expectNothingInjected(watched);
    await expectTypedTextKept(page, entries);
    const errors = (await shownFieldErrors(page)).map((error) => error.field);
    expect(errors).toEqual(expect.arrayContaining(['requester.email', 'tenantDomain', 'productArea', 'severity', 'scope', 'requester.available24x7']));
  });

  suite.test('is shown as text on the status page: the title, a reply, and a staff answer', async ({ step }) => {
    const filing = await step('open the form with JavaScript', PAGE_LOAD_MS, () => watchedPage(true, '/'));
    const free: FormEntries = {
      'requester.name': PAYLOAD,
      // The company stays the contract's own (entitlement checks it); the status page does not show it.
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
    await step('fill a valid request with markup in its free text', FORM_FILL_MS, () => fillIntakeForm(filing.page, validEntries(uniqueRequesterEmail('injection'), free)));
    const answer = await step('send the form and read the intake answer', FORM_SEND_MS, async () => {
      const [response] = await Promise.all([filing.page.waitForResponse((candidate) => new URL(candidate.url()).pathname === '/api/tickets'), filing.page.click('#submit-ticket')]);
      return IntakeAnswerSchema.parse(await response.json());
    });
    await expectNothingInjected(filing);
    await step('wait for the lifecycle to assign the ticket', LIFECYCLE_WAIT_MS, () => waitForStatus(suite.web, answer.ticketNumber, answer.accessToken, ['assigned', 'investigating']));
    const lead = await staffToken(suite.web, 'Grace Okafor', 'team-lead');
    const responded = await step('answer with markup as a team lead', API_CALL_MS, () => staffCommand(suite.web, answer.ticketNumber, lead, { type: 'respond', message: PAYLOAD }));
    expect(responded).toBe(200);

    const link = new URL(answer.accessLink);
    const watched = await step('open the status page without JavaScript', PAGE_LOAD_MS, () => watchedPage(false, `${link.pathname}${link.search}`));
    const { page } = watched;
    await step('reply with markup', FORM_SEND_MS, async () => {
      await page.fill('#action-replies', PAYLOAD);
      await Promise.all([page.waitForURL('**?done=requesterReply'), page.click('form[data-requester-action="requesterReply"] button')]);
    });

    await expectNothingInjected(watched);
    expect(await page.textContent('#ticket-title')).toBe(PAYLOAD);
    expect(await page.locator('[data-event-type="customer-replied"] .said').textContent()).toBe(PAYLOAD);
    expect(await page.locator('[data-event-type="agent-responded"] .said').textContent()).toBe(PAYLOAD);
  });
});
