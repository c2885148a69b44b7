/**
 * The requester's status page in a real browser against the real app: opened through the access
 * link, showing where the ticket stands and its SLA clocks in the requester's time zone, and
 * letting the requester act (reply, confirm a resolution a team lead proposed through the API),
 * only when the domain allows it, with and without JavaScript.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CustomerTicketView } from '../../shared/api/customer-ticket-view';
import { IntakeAnswerSchema, type IntakeAnswer } from '../../shared/tickets/intake-answer';
import { REGION_WORDING, STATUS_WORDING } from '../../shared/web/status/status-wording';
import { launchChromium } from './support/chromium';
import { offeredActions } from './support/page-inspection';
import { fillIntakeForm, uniqueRequesterEmail, validEntries } from './support/intake-form-driver';
import { requesterView, staffCommand, staffToken, waitForStatus } from './support/requester-api';
import { DESKTOP, PHONE, saveScreenshot } from './support/screenshots';
import { startWebStack, type WebStack } from './support/web-stack';

/** Filing, the lifecycle's assignment and a few page loads take longer than a unit test's budget. */
jest.setTimeout(120_000);

/** A Tuesday afternoon in November: AMER and EMEA are on shift, so the ticket is assigned at once. */
const APP_TIME = '2026-11-24T14:00:00.000Z';
const REQUESTER_ZONE = 'Asia/Tokyo';

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

async function newPage(options: { javaScript: boolean; viewport?: { width: number; height: number } }): Promise<Page> {
  // The browser sits in Paris; the page must still speak in the requester's zone (Tokyo).
  const context = await browser.newContext({ baseURL: web.siteUrl, javaScriptEnabled: options.javaScript, viewport: options.viewport ?? DESKTOP, timezoneId: 'Europe/Paris' });
  contexts.push(context);
  return context.newPage();
}

/** Files a ticket through the form (with JavaScript) and answers what intake said. */
async function fileTicket(label: string): Promise<IntakeAnswer> {
  const page = await newPage({ javaScript: true });
  await page.goto('/');
  await fillIntakeForm(page, validEntries(uniqueRequesterEmail(label), { 'requester.timeZone': REQUESTER_ZONE }));
  const [answer] = await Promise.all([page.waitForResponse((response) => new URL(response.url()).pathname === '/api/tickets'), page.click('#submit-ticket')]);
  return IntakeAnswerSchema.parse(await answer.json());
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

async function expectClocksAsTheApiSays(page: Page, view: CustomerTicketView): Promise<void> {
  expect(view.sla.length).toBe(3);
  for (const clock of view.sla) {
    const row = page.locator(`#sla-clocks tr[data-metric="${clock.metric}"]`);
    expect(await row.getAttribute('data-paused')).toBe(String(clock.paused));
    if (clock.paused) expect(await row.textContent()).toContain('Paused');
    if (clock.dueAt === undefined) continue;
    const due = row.locator(`time[datetime="${clock.dueAt}"]`);
    const shown = (await due.textContent()) ?? '';
    const tokyo = tokyoParts(clock.dueAt);
    expect(shown).toContain(`${tokyo.hour}:${tokyo.minute} GMT+9`);
    expect(shown).toMatch(new RegExp(`\\b${tokyo.day}\\b`));
  }
}

describe('the status page', () => {
  it('trades the access link for a path-scoped cookie and a clean address, and opens for nobody else', async () => {
    const answer = await fileTicket('access');
    const page = await newPage({ javaScript: false });
    await page.goto(linkPath(answer));
    expect(page.url()).toBe(`${web.siteUrl}/tickets/${answer.ticketNumber}`);
    expect(await page.textContent('#ticket-number')).toBe(answer.ticketNumber);
    expect(await page.context().cookies()).toEqual([
      expect.objectContaining({ name: 'baton_access', value: answer.accessToken, path: `/tickets/${answer.ticketNumber}`, httpOnly: true, sameSite: 'Lax' }),
    ]);

    const stranger = await newPage({ javaScript: false });
    const withoutLink = await stranger.goto(`/tickets/${answer.ticketNumber}`);
    expect(withoutLink?.status()).toBe(404);
    const wrongLink = await stranger.goto(`/tickets/${answer.ticketNumber}?access=${'A'.repeat(43)}`);
    expect(wrongLink?.status()).toBe(404);
    expect(await stranger.textContent('h1')).toBe('We cannot open this ticket');
    expect(await stranger.context().cookies()).toEqual([]);
  });

  it('shows status, severity, region, engineer and each SLA clock due in the requester\'s time zone, and takes a reply', async () => {
    const answer = await fileTicket('clocks');
    const view = await waitForStatus(web, answer.ticketNumber, answer.accessToken, ['assigned', 'investigating']);
    const page = await newPage({ javaScript: true });
    await page.goto(linkPath(answer));

    expect(await page.textContent('#ticket-status')).toBe(STATUS_WORDING[view.status]);
    expect(await page.textContent('#ticket-severity')).toBe('Severity B');
    expect(view.engineer).toBeDefined();
    expect(await page.textContent('#ticket-engineer')).toBe(view.engineer?.firstName);
    expect(await page.textContent('#ticket-region')).toBe(view.region === undefined ? '' : REGION_WORDING[view.region]);
    expect(await page.textContent('#clocks-title + p')).toContain(REQUESTER_ZONE);
    await expectClocksAsTheApiSays(page, view);
    // Nothing is proposed yet, so there is nothing to confirm: only a reply, or closing it oneself.
    expect(await offeredActions(page)).toEqual(['requesterReply', 'requesterSelfClose']);
    await saveScreenshot(page, 'status-desktop');
    await page.setViewportSize(PHONE);
    await saveScreenshot(page, 'status-phone');
    await page.setViewportSize(DESKTOP);

    await page.fill('#action-replies', 'The problem also affects the Lisbon office since 10:00.');
    await Promise.all([page.waitForURL(`**/tickets/${answer.ticketNumber}?done=requesterReply`), page.click('form[data-requester-action="requesterReply"] button')]);
    expect(await page.textContent('#flash')).toContain('Your reply has been added');
    expect(await page.locator('[data-event-type="customer-replied"] .said').textContent()).toBe('The problem also affects the Lisbon office since 10:00.');
  });

  it('lets the requester confirm a resolution a team lead proposed through the API, without JavaScript, and then offers a reopen', async () => {
    const answer = await fileTicket('resolution');
    await waitForStatus(web, answer.ticketNumber, answer.accessToken, ['assigned', 'investigating']);
    const lead = await staffToken(web, 'Grace Okafor', 'team-lead');
    const summary = 'The Conditional Access policy excluded the finance group by mistake; it now includes them again.';
    expect(await staffCommand(web, answer.ticketNumber, lead, { type: 'propose-resolution', summary })).toBe(200);
    const proposed = await requesterView(web, answer.ticketNumber, answer.accessToken);
    expect(proposed.status).toBe('resolution-proposed');

    // The email's confirm link: the page opens at the proposal with the confirm button in focus.
    const page = await newPage({ javaScript: false });
    await page.goto(linkPath(answer, '&answer=confirm#resolution'));
    expect(page.url()).toBe(`${web.siteUrl}/tickets/${answer.ticketNumber}?answer=confirm#resolution`);
    expect(await page.textContent('#resolution .said')).toBe(summary);
    // Opening the link changes nothing: the page only brings the answer forward.
    expect(await page.textContent('#suggested-answer')).toContain('to confirm this solution');
    expect((await requesterView(web, answer.ticketNumber, answer.accessToken)).status).toBe('resolution-proposed');
    await expectClocksAsTheApiSays(page, proposed);
    expect(proposed.sla.some((clock) => clock.paused)).toBe(true);
    await saveScreenshot(page, 'status-resolution-proposed-desktop');
    await page.setViewportSize(PHONE);
    await saveScreenshot(page, 'status-resolution-proposed-phone');

    await Promise.all([page.waitForURL(`**/tickets/${answer.ticketNumber}?done=requesterConfirmResolution`), page.click('form[data-requester-action="requesterConfirmResolution"] button')]);
    expect(await page.textContent('#flash')).toContain('you confirmed the solution');
    expect(await page.textContent('#ticket-status')).toBe(STATUS_WORDING.closed);
    expect((await requesterView(web, answer.ticketNumber, answer.accessToken)).status).toBe('closed');
    // Closed: no reply and no second confirmation, but a reopen within the window.
    expect(await offeredActions(page)).toEqual(['requesterReopen']);
    await page.setViewportSize(DESKTOP);
    await saveScreenshot(page, 'status-closed-desktop');

    await page.fill('#action-reopen', 'The finance group is blocked again since this morning.');
    await Promise.all([page.waitForURL(`**/tickets/${answer.ticketNumber}?done=requesterReopen`), page.click('form[data-requester-action="requesterReopen"] button')]);
    expect(await page.textContent('#ticket-status')).toBe(STATUS_WORDING.reopened);
    expect(await page.locator('[data-event-type="ticket-reopened"] .said').textContent()).toBe('The finance group is blocked again since this morning.');
  });

  it('asks the requester before a proposed downgrade takes effect, and applies it once they agree', async () => {
    const answer = await fileTicket('downgrade');
    await waitForStatus(web, answer.ticketNumber, answer.accessToken, ['assigned', 'investigating']);
    const lead = await staffToken(web, 'Grace Okafor', 'team-lead');
    const reason = 'Only one user is affected and a workaround exists.';
    expect(await staffCommand(web, answer.ticketNumber, lead, { type: 'change-severity', to: 'C', reason })).toBe(200);

    const page = await newPage({ javaScript: true });
    await page.goto(linkPath(answer));
    expect(await page.textContent('#ticket-severity')).toBe('Severity B');
    expect(await page.textContent('#downgrade-title')).toBe('Support proposes Severity C');
    expect(await page.textContent('#downgrade .said')).toBe(reason);
    expect(await offeredActions(page)).toEqual(expect.arrayContaining(['requesterConsentToDowngrade', 'requesterRefuseDowngrade']));

    await Promise.all([page.waitForURL(`**/tickets/${answer.ticketNumber}?done=requesterConsentToDowngrade`), page.click('form[data-requester-action="requesterConsentToDowngrade"] button')]);
    expect(await page.textContent('#ticket-severity')).toBe('Severity C');
    expect(await page.locator('#downgrade').count()).toBe(0);
    expect((await requesterView(web, answer.ticketNumber, answer.accessToken)).severity).toBe('C');
  });

  it('refuses an action the domain does not allow now, and a cross-site post, recording nothing', async () => {
    const answer = await fileTicket('refusals');
    await waitForStatus(web, answer.ticketNumber, answer.accessToken, ['assigned', 'investigating']);
    const page = await newPage({ javaScript: false });
    await page.goto(linkPath(answer));
    const before = (await requesterView(web, answer.ticketNumber, answer.accessToken)).timeline.length;

    // Nothing was proposed, so confirming is refused with the domain's reason and the page explains.
    const confirm = await page.context().request.post(`/tickets/${answer.ticketNumber}/resolution/confirm`, { form: {}, maxRedirects: 0 });
    expect(confirm.status()).toBe(409);
    expect(await confirm.text()).toContain('That did not go through');

    // An empty reply is the server's to refuse too, next to the reply field.
    const emptyReply = await page.context().request.post(`/tickets/${answer.ticketNumber}/replies`, { form: { message: '' }, maxRedirects: 0 });
    expect(emptyReply.status()).toBe(400);
    expect(await emptyReply.text()).toContain('Your reply is required');

    const crossSite = await page.context().request.post(`/tickets/${answer.ticketNumber}/replies`, {
      form: { message: 'Sent from another site' },
      headers: { Origin: 'https://attacker.example' },
      maxRedirects: 0,
    });
    expect(crossSite.status()).toBe(404);
    expect((await requesterView(web, answer.ticketNumber, answer.accessToken)).timeline.length).toBe(before);
  });
});
