/**
 * What a test reads off a rendered page, through Playwright locators only (the project compiles
 * without the DOM library): the errors shown next to fields, the error summary's links, and the
 * element that has focus.
 */
import type { Page } from 'playwright-core';

export interface ShownFieldError {
  readonly field: string;
  readonly text: string;
  /** Whether the field's controls are marked invalid for assistive technology. */
  readonly markedInvalid: boolean;
}

/** Every field whose own error slot holds a message, with that message. */
export async function shownFieldErrors(page: Page): Promise<ShownFieldError[]> {
  const shown: ShownFieldError[] = [];
  for (const wrapper of await page.locator('[data-field]').all()) {
    const text = ((await wrapper.locator('.field-error').first().textContent()) ?? '').trim();
    if (text === '') continue;
    shown.push({
      field: (await wrapper.getAttribute('data-field')) ?? '',
      text,
      markedInvalid: (await wrapper.locator('[aria-invalid="true"]').count()) > 0,
    });
  }
  return shown;
}

export interface SummaryLink {
  readonly text: string;
  readonly target: string;
  readonly targetExists: boolean;
}

export async function errorSummaryLinks(page: Page): Promise<SummaryLink[]> {
  const links: SummaryLink[] = [];
  for (const link of await page.locator('#error-summary li a').all()) {
    const target = ((await link.getAttribute('href')) ?? '').replace(/^#/, '');
    links.push({
      text: ((await link.textContent()) ?? '').trim(),
      target,
      targetExists: target !== '' && (await page.locator(`[id="${target}"]`).count()) === 1,
    });
  }
  return links;
}

export async function focusedElementId(page: Page): Promise<string> {
  const focused = page.locator('*:focus');
  return (await focused.count()) === 0 ? '' : ((await focused.first().getAttribute('id')) ?? '');
}

/** The requester actions the status page offers, by the requester API's action names. */
export async function offeredActions(page: Page): Promise<string[]> {
  const names: string[] = [];
  for (const form of await page.locator('form[data-requester-action]').all()) {
    names.push((await form.getAttribute('data-requester-action')) ?? '');
  }
  return names;
}
