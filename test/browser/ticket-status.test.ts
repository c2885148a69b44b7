/**
 * The requester's status page in a real browser against the real app: opened through the access
 * link, showing where the ticket stands and its SLA clocks in the requester's time zone, and
 * letting the requester act (reply, confirm a resolution a team lead proposed through the API),
 * only when the domain allows it, with and without JavaScript.
 */
import type { Page } from 'playwright-core';
import type { CustomerTicketView } from '../../shared/http-api/customer-ticket-view';
import { IntakeAnswerSchema, type IntakeAnswer } from '../../shared/intake/intake-answer';
import { REGION_WORDING, STATUS_WORDING } from '../../shared/web/status/status-wording';
import { useBrowserSuite, type PageOptions } from './support/browser-suite';
import { offeredActions } from './support/page-inspection';
import { fillIntakeForm, uniqueRequesterEmail, validEntries } from './support/intake-form-driver';
import { requesterView, staffCommand, staffToken, waitForStatus } from './support/requester-api';
import { DESKTOP, PHONE, saveScreenshot } from './support/screenshots';
import type { Steps } from './support/steps';
import { REQUEST_LIMIT_MS } from './support/bounded-request';
import { API_CALL_MS, FORM_FILL_MS, FORM_SEND_MS, LIFECYCLE_WAIT_MS, PAGE_ACTION_MS, PAGE_LOAD_MS } from './support/step-limits';

/** A Tuesday afternoon in November: AMER and EMEA are on shift, so the ticket is assigned at once. */
const APP_TIME = '2026-11-24T14:00:00.000Z';
const REQUESTER_ZONE = 'Asia/Tokyo';

/** Filing, the lifecycle's assignment, a dozen page loads and API calls: up to 148 s of step limits. */
const suite = useBrowserSuite({ stack: { clockAt: APP_TIME }, testTimeoutMs: 180_000 });

/** A page opened at `path`; the browser sits in Paris, but the page must speak in the requester's zone (Tokyo). */
async function openPage(path: string, options: Omit<PageOptions, 'timezoneId'>): Promise<Page> {
  const page = await suite.newPage({ ...options, timezoneId: 'Europe/Paris' });
  await page.goto(path);
  return page;
}

/** Files a ticket through the form (with JavaScript) and answers what intake said. */
async function fileTicket({ step }: Steps, label: string): Promise<IntakeAnswer> {
  const page = await step('open the form', PAGE_LOAD_MS, () => openPage('/', { javaScript: true }));
  await step('fill a valid request', FORM_FILL_MS, () => fillIntakeForm(page, validEntries(uniqueRequesterEmail(label), { 'requester.timeZone': REQUESTER_ZONE })));
  return step('send the form and read the intake answer', FORM_SEND_MS, async () => {
    const [answer] = await Promise.all([page.waitForResponse((response) => new URL(response.url()).pathname === '/api/tickets'), page.click('#submit-ticket')]);
    return IntakeAnswerSchema.parse(await answer.json());
  });
}

/** Saves the review screenshots of a page at desktop and then phone width, and leaves it at phone width. */
async function saveAtBothWidths(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, `${name}-desktop`);
  await page.setViewportSize(PHONE);
  await saveScreenshot(page, `${name}-phone`);
}

/** The access link as the email carries it, opened on this site. */
function linkPath(answer: IntakeAnswer, extra = ''): string {
  const url = new URL(answer.accessLink);
  return `${url.pathname}${url.search}${extra}`;
}

/** How the requester should read an instant: the same moment on a Tokyo wall clock. */
function tokyoParts(instant: string): { hour: string; minute: string; day: string } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: REQUESTER_ZONE, hour: '2-digit', minute: '2-digit', day: 'numeric', hourCycle: 'h23' }).formatToParts(new Date(instant));
  const part = (type: string): string => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return { hour: part('hour'), minute: part('minute'), day: part('day') };
}

/** The app clock runs while a test reads the API and then the page: a paused clock's due instant moves on by that much. */
const PAUSED_DUE_DRIFT_LIMIT_MS = 60_000;

async function expectClocksAsTheApiSays(page: Page, view: CustomerTicketView): Promise<void> {
  expect(view.sla.length).toBe(3);
  for (const clock of view.sla) {
    const row = page.locator(`#sla-clocks tr[data-metric="${clock.metric}"]`);
    expect(await row.getAttribute('data-paused')).toBe(String(clock.paused));
    if (clock.paused) expect(await row.textContent()).toContain('Paused');
    if (clock.dueAt === undefined) continue;
    // A running clock's due instant is fixed; a paused one's is "now plus what is left".
    const due = clock.paused ? row.locator('time[datetime]') : row.locator(`time[datetime="${clock.dueAt}"]`);
    const dueAt = (await due.getAttribute('datetime')) ?? '';
    const drift = Date.parse(dueAt) - Date.parse(clock.dueAt);
    expect(drift).toBeGreaterThanOrEqual(0);
    expect(drift).toBeLessThan(PAUSED_DUE_DRIFT_LIMIT_MS);
    const shown = (await due.textContent()) ?? '';
    const tokyo = tokyoParts(dueAt);
    expect(shown).toContain(`${tokyo.hour}:${tokyo.minute} GMT+9`);
    expect(shown).toMatch(new RegExp(`\\b${tokyo.day}\\b`));
  }
}

describe('the status page', () => {
  suite.test('trades the access link for a path-scoped cookie and a clean address, and opens for nobody else', async (steps) => {
    const { step } = steps;
    const answer = await fileTicket(steps, 'access');
    const page = await step('open the access link', PAGE_LOAD_MS, () => openPage(linkPath(answer), { javaScript: false }));
    expect(page.url()).toBe(`${suite.web.siteUrl}/tickets/${answer.ticketNumber}`);
    expect(await page.textContent('#ticket-number')).toBe(answer.ticketNumber);
    expect(await page.context().cookies()).toEqual([
      expect.objectContaining({ name: 'baton_access', value: answer.accessToken, path: `/tickets/${answer.ticketNumber}`, httpOnly: true, sameSite: 'Lax' }),
    ]);

    const stranger = await step('open a second browser', PAGE_LOAD_MS, () => suite.newPage({ javaScript: false, timezoneId: 'Europe/Paris' }));
    const withoutLink = await step('open the status page without the link', PAGE_LOAD_MS, () => stranger.goto(`/tickets/${answer.ticketNumber}`));
    expect(withoutLink?.status()).toBe(404);
    const wrongLink = await step('open the status page with a wrong link', PAGE_LOAD_MS, () => stranger.goto(`/tickets/${answer.ticketNumber}?access=${'A'.repeat(43)}`));
    expect(wrongLink?.status()).toBe(404);
    expect(await stranger.textContent('h1')).toBe('We cannot open this ticket');
    expect(await stranger.context().cookies()).toEqual([]);
  });

  suite.test("shows status, severity, region, engineer and each SLA clock due in the requester's time zone, and takes a reply", async (steps) => {
    const { step } = steps;
    const answer = await fileTicket(steps, 'clocks');
    const view = await step('wait for the lifecycle to assign the ticket', LIFECYCLE_WAIT_MS, () => waitForStatus(suite.web, answer.ticketNumber, answer.accessToken, ['assigned', 'investigating']));
    const page = await step('open the access link', PAGE_LOAD_MS, () => openPage(linkPath(answer), { javaScript: true }));

    expect(await page.textContent('#ticket-status')).toBe(STATUS_WORDING[view.status]);
    expect(await page.textContent('#ticket-severity')).toBe('Severity B');
    expect(view.engineer).toBeDefined();
    expect(await page.textContent('#ticket-engineer')).toBe(view.engineer?.firstName);
    expect(await page.textContent('#ticket-region')).toBe(view.region === undefined ? '' : REGION_WORDING[view.region]);
    expect(await page.textContent('#clocks-title + p')).toContain(REQUESTER_ZONE);
    await expectClocksAsTheApiSays(page, view);
    // Nothing is proposed yet, so there is nothing to confirm: only a reply, or closing it oneself.
    expect(await offeredActions(page)).toEqual(['requesterReply', 'requesterSelfClose']);
    await step('save the review screenshots', PAGE_ACTION_MS, async () => {
      await saveAtBothWidths(page, 'status');
      await page.setViewportSize(DESKTOP);
    });

    await step('reply', FORM_SEND_MS, async () => {
      await page.fill('#action-replies', 'The problem also affects the Lisbon office since 10:00.');
      await Promise.all([page.waitForURL(`**/tickets/${answer.ticketNumber}?done=requesterReply`), page.click('form[data-requester-action="requesterReply"] button')]);
    });
    expect(await page.textContent('#flash')).toContain('Your reply has been added');
    expect(await page.locator('[data-event-type="customer-replied"] .said').textContent()).toBe('The problem also affects the Lisbon office since 10:00.');
  });

  suite.test('lets the requester confirm a resolution a team lead proposed through the API, without JavaScript, and then offers a reopen', async (steps) => {
    const { step } = steps;
    const answer = await fileTicket(steps, 'resolution');
    await step('wait for the lifecycle to assign the ticket', LIFECYCLE_WAIT_MS, () => waitForStatus(suite.web, answer.ticketNumber, answer.accessToken, ['assigned', 'investigating']));
    const lead = await staffToken(suite.web, 'Grace Okafor', 'team-lead');
    const summary = 'The Conditional Access policy excluded the finance group by mistake; it now includes them again.';
    const proposing = await step('propose a resolution as a team lead', API_CALL_MS, () => staffCommand(suite.web, answer.ticketNumber, lead, { type: 'propose-resolution', summary }));
    expect(proposing).toBe(200);
    const proposed = await step('read the proposal through the requester API', API_CALL_MS, () => requesterView(suite.web, answer.ticketNumber, answer.accessToken));
    expect(proposed.status).toBe('resolution-proposed');

    // The email's confirm link: the page opens at the proposal with the confirm button in focus.
    const page = await step("open the email's confirm link", PAGE_LOAD_MS, () => openPage(linkPath(answer, '&answer=confirm#resolution'), { javaScript: false }));
    expect(page.url()).toBe(`${suite.web.siteUrl}/tickets/${answer.ticketNumber}?answer=confirm#resolution`);
    expect(await page.textContent('#resolution .said')).toBe(summary);
    // Opening the link changes nothing: the page only brings the answer forward.
    expect(await page.textContent('#suggested-answer')).toContain('to confirm this solution');
    const afterOpening = await step('read the status after opening the link', API_CALL_MS, () => requesterView(suite.web, answer.ticketNumber, answer.accessToken));
    expect(afterOpening.status).toBe('resolution-proposed');
    await expectClocksAsTheApiSays(page, proposed);
    expect(proposed.sla.some((clock) => clock.paused)).toBe(true);
    await step('save the review screenshots', PAGE_ACTION_MS, () => saveAtBothWidths(page, 'status-resolution-proposed'));

    await step('confirm the solution', FORM_SEND_MS, async () => {
      await Promise.all([page.waitForURL(`**/tickets/${answer.ticketNumber}?done=requesterConfirmResolution`), page.click('form[data-requester-action="requesterConfirmResolution"] button')]);
    });
    expect(await page.textContent('#flash')).toContain('you confirmed the solution');
    expect(await page.textContent('#ticket-status')).toBe(STATUS_WORDING.closed);
    const afterConfirming = await step('read the status after confirming', API_CALL_MS, () => requesterView(suite.web, answer.ticketNumber, answer.accessToken));
    expect(afterConfirming.status).toBe('closed');
    // Closed: no reply and no second confirmation, but a reopen within the window.
    expect(await offeredActions(page)).toEqual(['requesterReopen']);
    await step('save the review screenshot of the closed ticket', PAGE_ACTION_MS, async () => {
      await page.setViewportSize(DESKTOP);
      await saveScreenshot(page, 'status-closed-desktop');
    });

    await step('reopen the ticket', FORM_SEND_MS, async () => {
      await page.fill('#action-reopen', 'The finance group is blocked again since this morning.');
      await Promise.all([page.waitForURL(`**/tickets/${answer.ticketNumber}?done=requesterReopen`), page.click('form[data-requester-action="requesterReopen"] button')]);
    });
    expect(await page.textContent('#ticket-status')).toBe(STATUS_WORDING.reopened);
    expect(await page.locator('[data-event-type="ticket-reopened"] .said').textContent()).toBe('The finance group is blocked again since this morning.');
  });

  suite.test('asks the requester before a proposed downgrade takes effect, and applies it once they agree', async (steps) => {
    const { step } = steps;
    const answer = await fileTicket(steps, 'downgrade');
    await step('wait for the lifecycle to assign the ticket', LIFECYCLE_WAIT_MS, () => waitForStatus(suite.web, answer.ticketNumber, answer.accessToken, ['assigned', 'investigating']));
    const lead = await staffToken(suite.web, 'Grace Okafor', 'team-lead');
    const reason = 'Only one user is affected and a workaround exists.';
    const proposing = await step('propose Severity C as a team lead', API_CALL_MS, () => staffCommand(suite.web, answer.ticketNumber, lead, { type: 'change-severity', to: 'C', reason }));
    expect(proposing).toBe(200);

    const page = await step('open the access link', PAGE_LOAD_MS, () => openPage(linkPath(answer), { javaScript: true }));
    expect(await page.textContent('#ticket-severity')).toBe('Severity B');
    expect(await page.textContent('#downgrade-title')).toBe('Support proposes Severity C');
    expect(await page.textContent('#downgrade .said')).toBe(reason);
    expect(await offeredActions(page)).toEqual(expect.arrayContaining(['requesterConsentToDowngrade', 'requesterRefuseDowngrade']));

    await step('agree to the downgrade', FORM_SEND_MS, async () => {
      await Promise.all([page.waitForURL(`**/tickets/${answer.ticketNumber}?done=requesterConsentToDowngrade`), page.click('form[data-requester-action="requesterConsentToDowngrade"] button')]);
    });
    expect(await page.textContent('#ticket-severity')).toBe('Severity C');
    expect(await page.locator('#downgrade').count()).toBe(0);
    const afterAgreeing = await step('read the severity after agreeing', API_CALL_MS, () => requesterView(suite.web, answer.ticketNumber, answer.accessToken));
    expect(afterAgreeing.severity).toBe('C');
  });

  suite.test('refuses an action the domain does not allow now, and a cross-site or unproven post, recording nothing', async (steps) => {
    const { step } = steps;
    const answer = await fileTicket(steps, 'refusals');
    await step('wait for the lifecycle to assign the ticket', LIFECYCLE_WAIT_MS, () => waitForStatus(suite.web, answer.ticketNumber, answer.accessToken, ['assigned', 'investigating']));
    const page = await step('open the access link', PAGE_LOAD_MS, () => openPage(linkPath(answer), { javaScript: false }));
    const before = await step('read the timeline before the refused posts', API_CALL_MS, () => requesterView(suite.web, answer.ticketNumber, answer.accessToken));
    // The page's own cookie and Origin go with these posts, as with a form the browser sends.
    const siteOrigin = new URL(page.url()).origin;
    const post = (path: string, form: Record<string, string>, headers: Record<string, string> = { Origin: siteOrigin }) =>
      page.context().request.post(path, { form, headers, maxRedirects: 0, timeout: REQUEST_LIMIT_MS });

    // Nothing was proposed, so confirming is refused with the domain's reason and the page explains.
    const confirm = await step('post a confirmation nobody asked for', API_CALL_MS, () => post(`/tickets/${answer.ticketNumber}/resolution/confirm`, {}));
    expect(confirm.status()).toBe(409);
    expect(await confirm.text()).toContain('That did not go through');

    // An empty reply is the server's to refuse too, next to the reply field.
    const emptyReply = await step('post an empty reply', API_CALL_MS, () => post(`/tickets/${answer.ticketNumber}/replies`, { message: '' }));
    expect(emptyReply.status()).toBe(400);
    expect(await emptyReply.text()).toContain('Your reply is required');

    const crossSite = await step('post a reply from another site', API_CALL_MS, () =>
      post(`/tickets/${answer.ticketNumber}/replies`, { message: 'Sent from another site' }, { Origin: 'https://attacker.example' }),
    );
    expect(crossSite.status()).toBe(404);
    // Without an Origin (or the browser's Sec-Fetch-Site: same-origin) the cookie alone is not enough.
    const unproven = await step('post a reply that says nothing of where it comes from', API_CALL_MS, () =>
      post(`/tickets/${answer.ticketNumber}/replies`, { message: 'Sent without an Origin' }, {}),
    );
    expect(unproven.status()).toBe(404);
    const after = await step('read the timeline after the refused posts', API_CALL_MS, () => requesterView(suite.web, answer.ticketNumber, answer.accessToken));
    expect(after.timeline.length).toBe(before.timeline.length);
  });
});
