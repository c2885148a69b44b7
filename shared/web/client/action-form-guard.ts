/**
 * Keeps a requester's action (reply, confirm, close…) and a console form marked `data-submit-once`
 * (the queue's assign form) from being sent twice by a double click: once a form is submitted its
 * button is disabled until the server's answer replaces the page. Served as text on both sites'
 * scripts, so it must stay self-contained.
 */
import type { BrowserElement, BrowserFormControl, BrowserWindow } from './browser-types';

export function guardActionForms(browser: BrowserWindow): void {
  const forms: BrowserElement[] = Array.from(browser.document.querySelectorAll('form[data-requester-action], form[data-submit-once]'));
  for (const form of forms) {
    form.addEventListener('submit', () => {
      const buttons = Array.from(form.querySelectorAll<BrowserFormControl>('button[type="submit"]'));
      form.setAttribute('aria-busy', 'true');
      // Disabled after the event, so the button's own name and value are still part of this post.
      browser.setTimeout(() => {
        for (const button of buttons) button.disabled = true;
      }, 0);
    });
  }
}
