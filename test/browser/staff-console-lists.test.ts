/**
 * The staff console's list pages in a real browser against the real app: signed in on the dev
 * identity provider as an engineer, a team lead and a TAM of the sample organisation, each page
 * checked by axe-core at desktop and phone width and saved as screenshots under test-output/staff.
 */
import type { Page } from 'playwright-core';
import type { Ticket } from '../../shared/domain/ticket/ticket';
import { useBrowserSuite } from './support/browser-suite';
import { PHONE } from './support/screenshots';
import { accessibilityViolations, reloadUntilListed, saveStaffScreenshot, signInAs, storeTickets } from './support/staff-console';
import { FORM_SEND_MS, PAGE_ACTION_MS, PAGE_LOAD_MS } from './support/step-limits';
import type { Steps } from './support/steps';
import { handedTo, LUKAS, MARIA, ORG, sevATicket, sevBTicket, unassignedTicket } from '../unit/web/staff/support/console-tickets';

/**
 * On the real clock: the sign-in's token checks run on it, so a stack on a virtual clock cannot
 * sign anyone in yet. The tickets are therefore made relative to now, and each test stores its own
 * just before it looks at them, well inside the minute after which the watchdog would start their
 * lifecycles (and, say, hand an off-shift engineer's tickets on).
 */
const suite = useBrowserSuite({ testTimeoutMs: 240_000 });

function minutesAgo(minutes: number): string {
  return new Date(Date.now() - minutes * 60_000).toISOString();
}

/** axe-core over a whole page, on a loaded two-core machine. */
const AXE_MS = 30_000;

async function store({ step }: Steps, tickets: readonly Ticket[]): Promise<void> {
  await step('store the tickets', PAGE_LOAD_MS, () => storeTickets(suite.web, ORG, tickets, new Date().toISOString()));
}

/** axe-core finds nothing at desktop width, then at phone width; screenshots of both are saved. */
async function checkBothWidths({ step }: Steps, page: Page, name: string): Promise<void> {
  expect(await step(`axe-core on ${name}, desktop`, AXE_MS, () => accessibilityViolations(page))).toEqual([]);
  await step(`screenshot ${name}, desktop`, PAGE_ACTION_MS, () => saveStaffScreenshot(page, `${name}-desktop`));
  await page.setViewportSize(PHONE);
  expect(await step(`axe-core on ${name}, 390 px`, AXE_MS, () => accessibilityViolations(page))).toEqual([]);
  await step(`screenshot ${name}, 390 px`, PAGE_ACTION_MS, () => saveStaffScreenshot(page, `${name}-phone`));
}

suite.test('an engineer lands on My work: the handoff to acknowledge on top, deadlines counting down live', async (steps) => {
  const { step } = steps;
  // Severity A: an hour around the clock, so due in 40 minutes and an hour ago.
  const running = sevATicket(minutesAgo(20), MARIA, 'Sign-ins fail for the finance team');
  const breached = sevATicket(minutesAgo(120), MARIA, 'Outlook on the web returns AADSTS53003');
  const handed = handedTo(sevBTicket(minutesAgo(300), LUKAS, 'Intune enrolment stuck at 50 %'), MARIA);
  await store(steps, [running, breached, handed]);
  const page = await step('open a page with JavaScript', PAGE_LOAD_MS, () => suite.newPage({ javaScript: true }));
  // The browser's own clock is under the test's control, so the live countdown can be moved on.
  await page.clock.install({ time: new Date() });
  await step('sign in as María García', PAGE_LOAD_MS, () => signInAs(page, 'maria-garcia', '/staff'));

  expect(await page.locator('h1').textContent()).toBe('My work');
  const handoffs = page.locator('section[aria-labelledby="handoffs-heading"]');
  expect(await handoffs.textContent()).toContain(handed.ticketNumber);
  const rows = page.locator('section[aria-labelledby="assigned-heading"] tbody tr');
  expect(await rows.count()).toBe(2);
  // Nearest deadline first: the breached ticket, then the running one.
  expect(await rows.nth(0).textContent()).toContain(breached.ticketNumber);
  expect(await rows.nth(1).textContent()).toContain(running.ticketNumber);
  expect(await rows.nth(0).locator('.clock-breached').count()).toBeGreaterThan(0);
  expect(await page.locator('.shift-status').textContent()).toMatch(/^You are (on shift|on call|off shift)/);

  const countdown = rows.nth(1).locator('[data-due-at]').first();
  const before = minutesLeft((await countdown.textContent()) ?? '');
  expect(before).toBeGreaterThan(30);
  expect(before).toBeLessThanOrEqual(40);
  // With a control focused the page never reloads itself, so three minutes later it is the script
  // that has moved the countdown on.
  await page.locator('.sign-out button').focus();
  await page.clock.runFor(3 * 60_000);
  const after = minutesLeft((await countdown.textContent()) ?? '');
  expect(before - after).toBeGreaterThanOrEqual(2);
  expect(before - after).toBeLessThanOrEqual(4);
  // Once nobody is in a form, the list reloads itself within its minute.
  await page.locator('.sign-out button').blur();
  await step('let the page reload itself', PAGE_LOAD_MS, () => Promise.all([page.waitForEvent('load'), page.clock.runFor(65_000)]));
  expect(minutesLeft((await rows.nth(1).locator('[data-due-at]').first().textContent()) ?? '')).toBeGreaterThan(30);

  await checkBothWidths(steps, page, 'my-work');
});

function minutesLeft(text: string): number {
  const match = /^(\d+) min left$/.exec(text.trim());
  if (match === null) throw new Error(`not a countdown in minutes: "${text}"`);
  return Number(match[1]);
}

suite.test('a team lead finds the unassigned ticket in the queue and assigns it from the list, without JavaScript', async (steps) => {
  const { step } = steps;
  const unassigned = unassignedTicket(minutesAgo(15));
  await store(steps, [unassigned]);
  // axe-core is a script: the page it checks has JavaScript; the assignment is made on one without.
  const checked = await step('open a page with JavaScript', PAGE_LOAD_MS, () => suite.newPage({ javaScript: true }));
  await step('sign in as Arjun Mehta', PAGE_LOAD_MS, () => signInAs(checked, 'arjun-mehta', '/staff/queue'));
  await step('see the new ticket listed', PAGE_LOAD_MS, () => reloadUntilListed(checked, unassigned.ticketNumber));
  expect(await checked.locator('h1').textContent()).toBe('Queue');
  await checkBothWidths(steps, checked, 'queue');

  const page = await step('open a page without JavaScript', PAGE_LOAD_MS, () => suite.newPage({ javaScript: false }));
  await step('sign in as Arjun Mehta without JavaScript', PAGE_LOAD_MS, () => signInAs(page, 'arjun-mehta', '/staff/queue'));
  await step('filter to the unassigned tickets', FORM_SEND_MS, async () => {
    await page.selectOption('#filter-assignee', 'unassigned');
    await Promise.all([page.waitForURL((url) => url.searchParams.get('assignee') === 'unassigned'), page.click('form[role="search"] button[type="submit"]')]);
  });
  const row = page.locator('tbody tr', { hasText: unassigned.ticketNumber });
  expect(await row.count()).toBe(1);
  await step('assign it to Priya Nair', FORM_SEND_MS, async () => {
    await row.locator('select[name="engineerId"]').selectOption('priya-nair');
    await Promise.all([page.waitForURL((url) => url.searchParams.get('assign') !== null), row.locator('button[type="submit"]').click()]);
  });
  expect(await page.locator('.notice-ok').textContent()).toContain(`${unassigned.ticketNumber} is now assigned to Priya Nair.`);
  // Back on the same filtered list, where the ticket no longer belongs.
  expect(new URL(page.url()).searchParams.get('assignee')).toBe('unassigned');
  expect(await page.locator('tbody tr', { hasText: unassigned.ticketNumber }).count()).toBe(0);
  await step('screenshot the outcome', PAGE_ACTION_MS, () => saveStaffScreenshot(page, 'queue-assigned-desktop'));
});

suite.test('a team lead cannot send Assign twice while it is on its way, and is told the ticket is assigned', async (steps) => {
  const { step } = steps;
  const unassigned = unassignedTicket(minutesAgo(10));
  await store(steps, [unassigned]);
  const page = await step('open a page with JavaScript', PAGE_LOAD_MS, () => suite.newPage({ javaScript: true }));
  await step('sign in as Arjun Mehta', PAGE_LOAD_MS, () => signInAs(page, 'arjun-mehta', '/staff/queue'));
  await step('see the new ticket listed', PAGE_LOAD_MS, () => reloadUntilListed(page, unassigned.ticketNumber));
  const row = page.locator('tbody tr', { hasText: unassigned.ticketNumber });
  // The post is held at the network, as on a slow connection.
  const posts: string[] = [];
  let releaseFirst: () => void = () => undefined;
  const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
  let firstSent: () => void = () => undefined;
  const firstSeen = new Promise<void>((resolve) => (firstSent = resolve));
  await page.route('**/staff/queue', async (route) => {
    if (route.request().method() === 'POST') {
      posts.push(route.request().url());
      if (posts.length === 1) {
        firstSent();
        await firstHeld;
      }
    }
    await route.continue().catch(() => undefined);
  });
  // What the form looked like just after it was sent, kept where the next page can read it.
  await page.evaluate(`document.querySelectorAll('form.assign-form').forEach((form) => form.addEventListener('submit', () => setTimeout(() => {
    sessionStorage.setItem('assign-form-sent', JSON.stringify({ disabled: form.querySelector('button[type="submit"]').disabled, busy: form.getAttribute('aria-busy') }));
  }, 20)))`);
  await step('click Assign for Priya Nair', FORM_SEND_MS, async () => {
    await row.locator('select[name="engineerId"]').selectOption('priya-nair');
    const arrived = page.waitForURL((url) => url.searchParams.get('assign') !== null);
    await row.locator('button[type="submit"]').click({ noWaitAfter: true });
    await firstSeen;
    await new Promise((resolve) => setTimeout(resolve, 300));
    releaseFirst();
    await arrived;
  });
  // Nothing could send it a second time while it was on its way; without the script, the server records a second post once.
  expect(JSON.parse((await page.evaluate("sessionStorage.getItem('assign-form-sent')")) as string)).toEqual({ disabled: true, busy: 'true' });
  expect(posts).toHaveLength(1);
  expect(await page.locator('.notice-ok').textContent()).toContain(`${unassigned.ticketNumber} is now assigned to Priya Nair.`);
  expect(await page.locator('.notice-failed').count()).toBe(0);
  await step('open the ticket', PAGE_LOAD_MS, () => page.goto(`/staff/tickets/${unassigned.ticketNumber}`));
  expect(await page.locator('#timeline li[data-event-type="engineer-assigned"]').count()).toBe(1);
});

suite.test('a TAM sees their customers\' open tickets, Severity A first, and the digest\'s list', async (steps) => {
  const { step } = steps;
  const breached = sevATicket(minutesAgo(120), MARIA, 'Teams meetings drop after ten minutes');
  await store(steps, [sevBTicket(minutesAgo(30), LUKAS, 'Shared mailbox not visible'), breached]);
  const page = await step('open a page with JavaScript', PAGE_LOAD_MS, () => suite.newPage({ javaScript: true }));
  await step('sign in as Tom Reyes', PAGE_LOAD_MS, () => signInAs(page, 'dev-tom.reyes', '/staff/tam'));
  await step('see the new ticket listed', PAGE_LOAD_MS, () => reloadUntilListed(page, breached.ticketNumber));
  expect(await page.locator('h1').textContent()).toBe('TAM view');
  expect(await page.locator('.lead').textContent()).toContain('Contoso Ltd');
  const rows = page.locator('section[aria-labelledby="tam-tickets-heading"] tbody tr');
  expect(await rows.nth(0).textContent()).toContain('Sev A');
  expect(await page.locator('tbody tr', { hasText: breached.ticketNumber }).locator('.flag').first().textContent()).toBe('Breached');
  expect(await page.locator('.digest-list').textContent()).toContain(breached.ticketNumber);
  expect(await page.locator('nav.console-nav a[aria-current="page"]').textContent()).toBe('TAM');
  await checkBothWidths(steps, page, 'tam-view');
});

suite.test('the accessibility check reports what it finds, so an empty list of violations means something', async ({ step }) => {
  const page = await step('open a page with JavaScript', PAGE_LOAD_MS, () => suite.newPage({ javaScript: true }));
  await page.setContent('<html><body><img src="/nothing.png"><a href="/x"></a></body></html>');
  const found = await step('axe-core on a page without alt text or link text', AXE_MS, () => accessibilityViolations(page));
  expect(found.map((violation) => violation.id)).toEqual(expect.arrayContaining(['image-alt', 'link-name', 'html-has-lang']));
});
