/**
 * What the browser showed when a test failed: each open page's HTML and a screenshot, and what the
 * Functions host logged, saved under the git-ignored `test-output/browser-failures/`, named after
 * the test, so a failure on CI can be looked at rather than guessed at.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { messageOf } from './error-notes';
import { withinLimit } from './steps';

export const FAILURE_DIRECTORY = path.resolve(__dirname, '..', '..', '..', 'test-output', 'browser-failures');
/** A page stuck badly enough to fail the test may not answer either: capture is bounded too. */
export const CAPTURE_LIMIT_MS = 5_000;
/** Keeps file names well inside the 255 bytes a file system allows. */
const LONGEST_NAME = 120;

/** The test's name as a file name: lower case words joined by hyphens. */
export function fileNameFor(testName: string): string {
  const words = testName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return words.slice(0, LONGEST_NAME).replace(/-$/, '') || 'unnamed-test';
}

/**
 * Saves every page, all at once so the whole capture takes at most CAPTURE_LIMIT_MS, and answers
 * one line per file: where it was saved, or why it was not.
 */
export async function saveFailedPages(testName: string, pages: readonly Page[]): Promise<string[]> {
  if (pages.length === 0) return ['(no page was open)'];
  fs.mkdirSync(FAILURE_DIRECTORY, { recursive: true });
  const saving = pages.flatMap((page, index) => {
    const base = path.join(FAILURE_DIRECTORY, pages.length === 1 ? fileNameFor(testName) : `${fileNameFor(testName)}.page-${index + 1}`);
    return [
      saved(`${base}.html`, page, async (file) => fs.writeFileSync(file, await page.content())),
      saved(`${base}.png`, page, async (file) => {
        await page.screenshot({ path: file, fullPage: true, timeout: CAPTURE_LIMIT_MS });
      }),
    ];
  });
  return Promise.all(saving);
}

async function saved(file: string, page: Page, write: (file: string) => Promise<void>): Promise<string> {
  const shownPath = path.relative(process.cwd(), file);
  try {
    await withinLimit(`saving ${shownPath}`, CAPTURE_LIMIT_MS, () => write(file));
    return `${shownPath} (${page.url()})`;
  } catch (error) {
    return `${shownPath} not saved: ${messageOf(error).split('\n')[0] ?? ''}`;
  }
}

/** The host's recent output (its warnings and errors: a lifecycle that failed to start, say). */
export function saveHostOutput(testName: string, output: string): string {
  fs.mkdirSync(FAILURE_DIRECTORY, { recursive: true });
  const file = path.join(FAILURE_DIRECTORY, `${fileNameFor(testName)}.host.log`);
  fs.writeFileSync(file, output);
  return `${path.relative(process.cwd(), file)} (${output === '' ? 'the host logged nothing' : `${output.split('\n').length} lines`})`;
}
