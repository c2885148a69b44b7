/**
 * Files in a real browser against the real app: attached on the intake form and on the status
 * page, downloaded by the requester from that page and by an engineer from the console, an
 * internal file attached from the console that the requester never sees, and a
 * refused file type named to the requester while the rest of the request (and its other file)
 * goes through. Every page is checked with axe-core at desktop and phone width.
 */
import fs from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { useBrowserSuite } from './support/browser-suite';
import { fillIntakeForm, uniqueRequesterEmail, validEntries } from './support/intake-form-driver';
import { DESKTOP, PHONE } from './support/screenshots';
import { accessibilityViolations, saveStaffScreenshot, signInAs } from './support/staff-console';
import type { Steps } from './support/steps';
import { FORM_FILL_MS, FORM_SEND_MS, PAGE_ACTION_MS, PAGE_LOAD_MS } from './support/step-limits';

/** A Tuesday afternoon in November: AMER and EMEA are on shift, so the ticket is assigned at once. */
const APP_TIME = '2026-11-24T14:00:00.000Z';

const suite = useBrowserSuite({ stack: { clockAt: APP_TIME }, testTimeoutMs: 240_000 });

const SIGN_IN_LOG = Buffer.from('2026-11-24T13:58:02Z AADSTS50076: sign-in needs multi-factor authentication\n'.repeat(200));
/** A 1×1 PNG. */
const SCREENSHOT = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
/** What an engineer keeps to themselves: the tenant's feature flags. */
const TENANT_FLAGS = Buffer.from('tenant contoso: legacyAuthBlocked=true, caPolicyCount=14\n');
/** The two bytes every Windows program starts with, under a name that claims a log. */
const PROGRAM = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2048, 0x90)]);

async function expectAccessible(steps: Steps, page: Page, name: string): Promise<void> {
  await steps.step(`check ${name} with axe-core at both widths`, PAGE_ACTION_MS * 2, async () => {
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveStaffScreenshot(page, `${name}-desktop`);
    await page.setViewportSize(PHONE);
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveStaffScreenshot(page, `${name}-phone`);
    await page.setViewportSize(DESKTOP);
  });
}

async function downloaded(page: Page, linkText: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkText }).click()]) as [Download, void];
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: await fs.readFile(file) };
}

/** Fills the form, chooses the files and sends it the way the browser does with files: a plain multipart post. */
async function sendFormWithFiles(steps: Steps, label: string, files: readonly { name: string; mimeType: string; buffer: Buffer }[]): Promise<Page> {
  const page = await steps.step('open the form', PAGE_LOAD_MS, async () => {
    const opened = await suite.newPage({ javaScript: true });
    await opened.goto('/');
    return opened;
  });
  await steps.step('fill a valid request and choose the files', FORM_FILL_MS, async () => {
    await fillIntakeForm(page, validEntries(uniqueRequesterEmail(label)));
    await page.setInputFiles('#attachment-files', files.map((file) => ({ ...file })));
  });
  await steps.step('send the form', FORM_SEND_MS, async () => {
    await Promise.all([page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/'), page.click('#submit-ticket')]);
    await page.waitForLoadState('load');
  });
  return page;
}

suite.test('a file attached on the form and on the status page is downloaded by the requester and by staff', async (steps) => {
  const { step } = steps;
  const page = await sendFormWithFiles(steps, 'attach-form', [{ name: 'sign-in.log', mimeType: 'text/plain', buffer: SIGN_IN_LOG }]);
  const ticketNumber = await step('land on the ticket’s page, its file listed', PAGE_LOAD_MS, async () => {
    await page.waitForURL(/\/tickets\/BTN-[^/?]+\?received=1$/);
    expect(await page.locator('#attachment-list li').count()).toBe(1);
    expect(await page.locator('#attachment-list').textContent()).toContain('sign-in.log');
    return (await page.locator('#ticket-number').textContent()) ?? '';
  });
  expect(ticketNumber).toMatch(/^BTN-/);
  await expectAccessible(steps, page, 'attachments-status-page');

  await step('attach a screenshot on the status page', PAGE_ACTION_MS, async () => {
    await page.setInputFiles('#attach-form input[type="file"]', [{ name: 'error dialog.png', mimeType: 'image/png', buffer: SCREENSHOT }]);
    await Promise.all([page.waitForURL(/\?attached=1$/), page.click('#attach-form button[type="submit"]')]);
    expect(await page.locator('#flash').textContent()).toContain('Your file was attached.');
    expect(await page.locator('#attachment-list li').allTextContents()).toEqual([expect.stringContaining('sign-in.log'), expect.stringContaining('error dialog.png')]);
  });

  await step('download both files as the requester', PAGE_ACTION_MS, async () => {
    const log = await downloaded(page, 'sign-in.log');
    expect(log).toEqual({ name: 'sign-in.log', bytes: SIGN_IN_LOG });
    const png = await downloaded(page, 'error dialog.png');
    expect(png.bytes.equals(SCREENSHOT)).toBe(true);
  });

  const console = await step('open the ticket in the console as María García', PAGE_LOAD_MS, async () => {
    const staffPage = await suite.newPage({ javaScript: true });
    await signInAs(staffPage, 'maria-garcia', `/staff/tickets/${ticketNumber}`);
    return staffPage;
  });
  await step('download the requester’s files from the console', PAGE_ACTION_MS, async () => {
    expect(await console.locator('#attachment-list li').count()).toBe(2);
    const log = await downloaded(console, 'sign-in.log');
    expect(log.bytes.equals(SIGN_IN_LOG)).toBe(true);
    const png = await downloaded(console, 'error dialog.png');
    expect(png).toEqual({ name: 'error dialog.png', bytes: SCREENSHOT });
  });
  await expectAccessible(steps, console, 'attachments-console-ticket');
  await step('attach an internal file from the console and see it listed as internal', PAGE_ACTION_MS, async () => {
    await console.check('#attach-form input[name="visibility"][value="internal"]');
    await console.setInputFiles('#attach-form input[type="file"]', [{ name: 'tenant-flags.log', mimeType: 'text/plain', buffer: TENANT_FLAGS }]);
    await Promise.all([console.waitForURL(/\?attached=1#attachments$/), console.click('#attach-form button[type="submit"]')]);
    expect(await console.locator('#flash').textContent()).toContain('The file was attached.');
    const row = console.locator('#attachment-list li', { hasText: 'tenant-flags.log' });
    expect(await row.locator('.tag').textContent()).toBe('Internal');
    expect(await console.locator('#attachment-list li').count()).toBe(3);
  });
  await step('have a refused file named beside the console’s field, the other attached', PAGE_ACTION_MS, async () => {
    await console.check('#attach-form input[name="visibility"][value="requester"]');
    await console.setInputFiles('#attach-form input[type="file"]', [
      { name: 'collect-logs.log', mimeType: 'text/plain', buffer: PROGRAM },
      { name: 'conditional-access.json', mimeType: 'application/json', buffer: Buffer.from('{"policy":"require MFA"}') },
    ]);
    await Promise.all([console.waitForLoadState('load'), console.click('#attach-form button[type="submit"]')]);
    expect(await console.locator('#attachment-files-error').textContent()).toContain('collect-logs.log was not attached: it is a program, not a text or log.');
    expect(await console.locator('#flash').textContent()).toContain('1 of the files was attached.');
    expect(await console.locator('#attachment-list li').count()).toBe(4);
    expect(await console.isChecked('#attach-form input[name="visibility"][value="requester"]')).toBe(true);
  });
  await expectAccessible(steps, console, 'attachments-console-refused');
  await step('see no internal file on the requester’s status page', PAGE_LOAD_MS, async () => {
    await page.reload();
    const listed = await page.locator('#attachment-list li').allTextContents();
    expect(listed).toEqual([expect.stringContaining('sign-in.log'), expect.stringContaining('error dialog.png'), expect.stringContaining('conditional-access.json')]);
    expect(await page.content()).not.toContain('tenant-flags.log');
  });
});

suite.test('a refused file type is named while the request and its other file go through', async (steps) => {
  const { step } = steps;
  const page = await sendFormWithFiles(steps, 'attach-refused', [
    { name: 'sign-in.log', mimeType: 'text/plain', buffer: SIGN_IN_LOG },
    { name: 'collect-logs.log', mimeType: 'text/plain', buffer: PROGRAM },
  ]);
  await step('read which file was refused and why', PAGE_LOAD_MS, async () => {
    expect(await page.locator('h1').textContent()).toMatch(/^Received: ticket BTN-/);
    const refused = await page.locator('#refused-files').textContent();
    expect(refused).toContain('collect-logs.log: it is a program, not a text or log.');
    expect(refused).not.toContain('sign-in.log');
  });
  await expectAccessible(steps, page, 'attachments-refused-on-form');

  await step('find the request on its page with the file that passed', PAGE_LOAD_MS, async () => {
    await Promise.all([page.waitForURL(/\/tickets\/BTN-/), page.click('#open-ticket')]);
    expect(await page.locator('#ticket-title').textContent()).toBeTruthy();
    expect(await page.locator('#attachment-list li').allTextContents()).toEqual([expect.stringContaining('sign-in.log')]);
  });

  await step('have a page refused on the status page, named beside the field', PAGE_ACTION_MS, async () => {
    await page.setInputFiles('#attach-form input[type="file"]', [{ name: 'notes.html', mimeType: 'text/html', buffer: Buffer.from('<script>alert(1)</script>') }]);
    await Promise.all([page.waitForLoadState('load'), page.click('#attach-form button[type="submit"]')]);
    expect(await page.locator('#attachment-files-error').textContent()).toContain('notes.html was not attached: it .html files are not accepted.');
    expect(await page.locator('#attachment-list li').count()).toBe(1);
  });
  await expectAccessible(steps, page, 'attachments-refused-on-status-page');
});
