/**
 * Every email template rendered by Chromium as a mail app would show it, at a desktop mail pane's
 * width and a phone's: a screenshot of each under `test-output/emails/` for review, and checks that
 * the MJML frame holds on a phone (nothing wider than the screen, the button within reach).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { renderNotification } from '../../shared/email/render-notification';
import { TEMPLATE_NAMES } from '../../shared/email/templates/template-names';
import { sampleModel } from '../unit/email/templates/sample-emails';
import { launchChromium } from './support/chromium';
import { PHONE } from './support/screenshots';

const EMAIL_SCREENSHOTS = path.resolve(__dirname, '..', '..', 'test-output', 'emails');
const MAIL_PANE = { width: 800, height: 900 } as const;

let browser: Browser | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  fs.mkdirSync(EMAIL_SCREENSHOTS, { recursive: true });
}, 90_000);

afterAll(async () => {
  await browser?.close();
}, 30_000);

describe.each(TEMPLATE_NAMES.map((template) => [template]))('the %s email in a mail app', (template) => {
  it('fits a phone’s screen with its button in reach, and is saved for review at both widths', async () => {
    if (browser === undefined) throw new Error('Chromium did not start');
    const email = await renderNotification(sampleModel(template));
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.setViewportSize(MAIL_PANE);
      await page.setContent(email.html);
      await page.screenshot({ path: path.join(EMAIL_SCREENSHOTS, `${template}.png`), fullPage: true });
      await page.setViewportSize(PHONE);
      await page.screenshot({ path: path.join(EMAIL_SCREENSHOTS, `${template}-phone.png`), fullPage: true });
      // The page's whole width, as the root element's box: a frame wider than the phone widens it.
      const pageBox = await page.locator('html').boundingBox();
      expect(pageBox?.width ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(PHONE.width);
      const widest = await page.locator('body *').evaluateAll((elements) => Math.max(...elements.map((element) => element.getBoundingClientRect().right)));
      expect(widest).toBeLessThanOrEqual(PHONE.width);
      const button = page.locator('a[target="_blank"]').first();
      const box = await button.boundingBox();
      expect(box).not.toBeNull();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
    } finally {
      await context.close();
    }
  }, 30_000);
});
