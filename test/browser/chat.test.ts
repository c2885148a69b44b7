/**
 * The guided chat in a real browser against the real app on the offline stack: a ticket opened
 * end to end by keyboard, with a wrong tenant re-asked, a reload mid-conversation, an outage of the
 * store during the chat (the answer kept on the device and sent once the store is back), the
 * severity changed from the summary, and exactly one ticket; and without JavaScript, the form.
 */
import type { Page } from 'playwright-core';
import { chatQuestion } from '../../shared/domain/chat/chat-questions';
import { SEVERITY_GUIDANCE } from '../../shared/domain/severity/severity-guidance';
import { useBrowserSuite } from './support/browser-suite';
import { uniqueRequesterEmail } from './support/intake-form-driver';
import { focusedElementId } from './support/page-inspection';
import { accessibilityViolations } from './support/staff-console';
import { DESKTOP, PHONE, saveScreenshot } from './support/screenshots';
import type { Steps } from './support/steps';
import { API_CALL_MS, FORM_SEND_MS, PAGE_ACTION_MS, PAGE_LOAD_MS } from './support/step-limits';

const suite = useBrowserSuite({
  testTimeoutMs: 360_000,
  afterEachTest: (web) => web.setStoreAvailable(true),
});

/** Several answers, each sent and answered through the whole stack (about a second on a loaded machine). */
const ANSWERS_MS = 40_000;
/** The panel's own retry after the store came back: Retry-After (5 s) and a round trip. */
const RECOVERY_MS = 30_000;

async function openChat(javaScript: boolean): Promise<Page> {
  const page = await suite.newPage({ javaScript, timezoneId: 'Europe/Lisbon' });
  await page.goto('/chat');
  return page;
}

async function asked(page: Page, prompt: string): Promise<void> {
  await page.locator('#chat-turn .chat-question', { hasText: prompt }).waitFor();
}

async function lastDeskMessage(page: Page): Promise<string> {
  return ((await page.locator('#chat-log .chat-from-desk p').last().textContent()) ?? '').trim();
}

/** Types the answer and sends it with the keyboard, then waits for the next turn. */
async function answer(page: Page, text: string): Promise<void> {
  const before = await page.locator('#chat-log li:not([data-pending])').count();
  const multiline = (await page.locator('#chat-input').evaluate((element) => element.tagName)) === 'TEXTAREA';
  await page.locator('#chat-input').fill(text);
  if (multiline) {
    // A textarea takes Enter as a new line: its Send button is the next stop of the Tab key.
    await page.locator('#chat-input').press('Tab');
    await page.keyboard.press('Enter');
  } else {
    await page.locator('#chat-input').press('Enter');
  }
  await settledAfter(page, before);
}

/** Waits until the message and the desk's reply are both in the stored conversation the panel shows. */
async function settledAfter(page: Page, before: number): Promise<void> {
  // A locator, not a script: the page's Content Security Policy refuses evaluated strings.
  await page.locator('#chat-log li:not([data-pending])').nth(before + 1).waitFor();
}

/** Chooses an offered answer by keyboard: Tab-reachable buttons, pressed with Enter. */
async function choose(page: Page, label: string): Promise<void> {
  const before = await page.locator('#chat-log li:not([data-pending])').count();
  await page.locator('#chat-turn button', { hasText: label }).first().press('Enter');
  await settledAfter(page, before);
}

async function expectAccessible(steps: Steps, page: Page, name: string): Promise<void> {
  await steps.step(`check ${name} with axe-core at both widths`, PAGE_ACTION_MS * 2, async () => {
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, `${name}-desktop`);
    await page.setViewportSize(PHONE);
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, `${name}-phone`);
    await page.setViewportSize(DESKTOP);
  });
}

describe('the guided chat', () => {
  suite.test('opens one ticket: a wrong tenant re-asked, a reload, a store outage with nothing lost, and the severity changed from the summary', async (steps) => {
    const { step } = steps;
    const email = uniqueRequesterEmail('chat');
    const page = await step('open the chat', PAGE_LOAD_MS, async () => {
      const opened = await openChat(true);
      await asked(opened, chatQuestion('name').prompt);
      return opened;
    });
    expect(await page.isHidden('#chat-fallback')).toBe(true);
    expect(await page.getAttribute('#chat-announce', 'aria-live')).toBe('polite');
    expect(await focusedElementId(page)).toBe('chat-input');
    await expectAccessible(steps, page, 'chat-question');

    await step('answer who and which company, with a tenant that is not onmicrosoft.com', ANSWERS_MS, async () => {
      for (const text of ['Ana Silva', email, 'Contoso Ltd', 'contoso.com']) await answer(page, text);
    });
    expect(await lastDeskMessage(page)).toContain('Microsoft 365 tenant domain must be the tenant domain ending in .onmicrosoft.com.');
    await asked(page, chatQuestion('tenantDomain').prompt);
    await step('give the tenant domain', PAGE_ACTION_MS, () => answer(page, 'contoso.onmicrosoft.com'));

    await step('reload the page mid-conversation', PAGE_LOAD_MS, async () => {
      await page.reload();
      await asked(page, chatQuestion('productArea').prompt);
    });
    expect(await page.locator('#chat-log .chat-from-you p').allTextContents()).toEqual(['Ana Silva', email, 'Contoso Ltd', 'contoso.com', 'contoso.onmicrosoft.com']);

    await step('say what is wrong, since when and what it costs', ANSWERS_MS, async () => {
      await choose(page, 'Microsoft Entra ID');
      await answer(page, 'Finance cannot sign in to Outlook');
      await answer(page, 'Every member of the finance group gets AADSTS53003 when signing in to Outlook on the web from managed laptops.');
      await answer(page, 'Monday 09:00');
      await answer(page, 'Thirty people cannot send email during the month-end close.');
      await asked(page, chatQuestion('severity').prompt);
    });
    expect(await page.locator('#chat-turn .chat-choice .hint').allTextContents()).toEqual(Object.values(SEVERITY_GUIDANCE).map((guidance) => guidance.description));

    suite.web.setStoreAvailable(false);
    await step('choose Severity B while the store is down: the panel says so and keeps the answer', FORM_SEND_MS, async () => {
      await page.locator('#chat-turn button', { hasText: SEVERITY_GUIDANCE.B.title }).press('Enter');
      await page.locator('#chat-status', { hasText: 'The support desk cannot be reached right now' }).waitFor();
    });
    expect(await page.locator('#chat-log [data-pending] p').allTextContents()).toEqual([SEVERITY_GUIDANCE.B.title]);
    expect(await page.textContent('#chat-status')).toContain('Your message was NOT received yet. It is kept on this device');
    await step('reload during the outage: the unsent answer is still shown', PAGE_LOAD_MS, async () => {
      await page.reload();
      await page.locator('#chat-log [data-pending]').waitFor();
      await page.locator('#chat-status', { hasText: 'cannot be reached' }).waitFor();
    });
    await step('save the outage screenshot', PAGE_ACTION_MS, () => saveScreenshot(page, 'chat-outage-desktop'));

    suite.web.setStoreAvailable(true);
    await step('the store is back: the answer goes out by itself and the next question comes', RECOVERY_MS, () => asked(page, chatQuestion('scope').prompt));
    expect(await page.isHidden('#chat-status')).toBe(true);
    await step('say where the problem is', PAGE_ACTION_MS, () => choose(page, 'In the cloud'));
    await page.locator('#chat-turn .chat-summary').waitFor();
    expect(await page.textContent('#chat-turn .chat-summary')).toContain(SEVERITY_GUIDANCE.B.title);

    await step('change the severity from the summary to A, with 24x7 availability', ANSWERS_MS, async () => {
      const before = await page.locator('#chat-log li:not([data-pending])').count();
      await page.locator('#chat-turn button[aria-label="Change Severity"]').press('Enter');
      await settledAfter(page, before);
      await asked(page, chatQuestion('severity').prompt);
      await choose(page, SEVERITY_GUIDANCE.A.title);
      await asked(page, chatQuestion('available24x7').prompt);
      await choose(page, 'Yes');
      await page.locator('#chat-turn .chat-summary').waitFor();
    });
    expect(await page.textContent('#chat-turn .chat-summary')).toContain(SEVERITY_GUIDANCE.A.title);
    await expectAccessible(steps, page, 'chat-summary');

    const ticketNumber = await step('confirm and wait for the ticket', FORM_SEND_MS, async () => {
      await page.locator('#chat-confirm').press('Enter');
      const heading = page.locator('#chat-received h3');
      await heading.waitFor();
      const match = /^Received: ticket (BTN-\d{6}-[0-9A-Z]{5})$/.exec(((await heading.textContent()) ?? '').trim());
      if (match?.[1] === undefined) throw new Error('the panel did not confirm a ticket');
      return match[1];
    });
    expect(await step('count the stored tickets', API_CALL_MS, () => suite.web.storedTicketNumbers(email))).toEqual([ticketNumber]);
    // Nothing lost, nothing twice: the answer sent during the outage is in the conversation once.
    expect(await page.locator('#chat-log .chat-from-you p', { hasText: SEVERITY_GUIDANCE.B.title }).count()).toBe(1);

    await step('follow the link to the ticket, whose history holds the chat', PAGE_LOAD_MS, async () => {
      await page.click('#chat-received a');
      await page.waitForURL(`**/tickets/${ticketNumber}`);
    });
    expect(await page.textContent('#ticket-number')).toBe(ticketNumber);
    expect(await page.textContent('.transcript pre')).toContain('You: contoso.onmicrosoft.com');
  });

  suite.test('offers the form when the browser runs no script', async ({ step }) => {
    const page = await step('open the chat without JavaScript', PAGE_LOAD_MS, () => openChat(false));
    expect(await page.isVisible('#chat-fallback')).toBe(true);
    expect(await page.isHidden('#chat-panel')).toBe(true);
    expect(await page.getAttribute('#chat-fallback a', 'href')).toBe('/');
    await step('follow it to the form', PAGE_LOAD_MS, async () => {
      await page.click('#chat-fallback a');
      await page.locator('#intake-form').waitFor();
    });
  });
});
