/**
 * The set-up every browser test file shares: the app on the offline stack and one Chromium for the
 * file, a fresh browser context per page with bounded Playwright waits, contexts closed after each
 * test, and both stopped at the end. Tests declared through `suite.test` get steps with a budget
 * (see steps.ts) and, when they fail, their open pages and the host's log saved (see
 * failure-capture.ts).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { withNotes } from './error-notes';
import { CAPTURE_LIMIT_MS, saveFailedPages, saveHostOutput } from './failure-capture';
import { DESKTOP } from './screenshots';
import { describeTakenSteps, stepsWithin, withinLimit, type Steps } from './steps';
import { startWebStack, type WebStack, type WebStackOptions } from './web-stack';

/**
 * Playwright's own default is 30 s per call. These are shorter than the steps that hold such calls
 * (see step-limits.ts), so a stuck call fails first, with Playwright's log of what it waited for.
 */
export const ACTION_LIMIT_MS = 8_000;
export const NAVIGATION_LIMIT_MS = 10_000;
/**
 * What a test may spend outside its steps: the checks between them, of which the first to fail
 * ends the test after at most ACTION_LIMIT_MS, then saving its pages, and a margin for the rest.
 */
const OUTSIDE_STEPS_MS = ACTION_LIMIT_MS + CAPTURE_LIMIT_MS + 5_000;
/** Building the app when dist/ is stale and starting every stand-in, on a loaded machine. */
const STACK_START_LIMIT_MS = 150_000;
const CHROMIUM_LAUNCH_LIMIT_MS = 60_000;
const CHROMIUM_CLOSE_LIMIT_MS = 20_000;
const CONTEXTS_CLOSE_LIMIT_MS = 20_000;
const STACK_STOP_LIMIT_MS = 60_000;
/** A hook's own timeout only backs up the limits inside it. */
const HOOK_MARGIN_MS = 10_000;

export interface BrowserSuiteOptions {
  readonly stack?: WebStackOptions;
  /** jest's timeout for each test of the file; its steps get this less OUTSIDE_STEPS_MS. */
  readonly testTimeoutMs: number;
  /** Undoes what a test may have changed on the stack, after each test. */
  readonly afterEachTest?: (web: WebStack) => void;
}

export interface PageOptions {
  readonly javaScript: boolean;
  readonly viewport?: { readonly width: number; readonly height: number };
  /** The browser's own time zone. */
  readonly timezoneId?: string;
}

export interface BrowserSuite {
  /** The stack, once beforeAll has started it. */
  readonly web: WebStack;
  /** A page in a context of its own, resolving relative URLs against the site, closed after the test. */
  newPage(options: PageOptions): Promise<Page>;
  /** Declares a test: its body runs its waits as steps, and a failure saves the pages it opened. */
  test(name: string, body: (steps: Steps) => Promise<void>): void;
}

export function useBrowserSuite(options: BrowserSuiteOptions): BrowserSuite {
  let web: WebStack | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const stepBudgetMs = options.testTimeoutMs - OUTSIDE_STEPS_MS;

  beforeAll(async () => {
    const [startedWeb, launchedBrowser] = await Promise.allSettled([
      withinLimit('starting the local stack', STACK_START_LIMIT_MS, () => startWebStack(options.stack)),
      withinLimit('launching Chromium', CHROMIUM_LAUNCH_LIMIT_MS, launchChromium),
    ]);
    // Keep whichever started, so afterAll stops it even when the other failed.
    if (startedWeb.status === 'fulfilled') web = startedWeb.value;
    if (launchedBrowser.status === 'fulfilled') browser = launchedBrowser.value;
    if (startedWeb.status === 'rejected') throw startedWeb.reason;
    if (launchedBrowser.status === 'rejected') throw launchedBrowser.reason;
  }, STACK_START_LIMIT_MS + HOOK_MARGIN_MS);

  afterEach(async () => {
    if (web !== undefined) options.afterEachTest?.(web);
    const closing = contexts.splice(0);
    await withinLimit("closing the test's browser contexts", CONTEXTS_CLOSE_LIMIT_MS, () => Promise.all(closing.map((context) => context.close())));
  }, CONTEXTS_CLOSE_LIMIT_MS + HOOK_MARGIN_MS);

  afterAll(async () => {
    const stopping = [];
    if (browser !== undefined) {
      const started = browser;
      stopping.push(withinLimit('closing Chromium', CHROMIUM_CLOSE_LIMIT_MS, () => started.close()));
    }
    if (web !== undefined) {
      const started = web;
      stopping.push(withinLimit('stopping the local stack', STACK_STOP_LIMIT_MS, () => started.stop()));
    }
    await Promise.all(stopping);
  }, Math.max(CHROMIUM_CLOSE_LIMIT_MS, STACK_STOP_LIMIT_MS) + HOOK_MARGIN_MS);

  function startedWeb(): WebStack {
    if (web === undefined) throw new Error('the local stack has not started (see the beforeAll failure)');
    return web;
  }

  return {
    get web() {
      return startedWeb();
    },

    async newPage(pageOptions) {
      if (browser === undefined) throw new Error('Chromium has not started (see the beforeAll failure)');
      const context = await browser.newContext({
        baseURL: startedWeb().siteUrl,
        javaScriptEnabled: pageOptions.javaScript,
        viewport: pageOptions.viewport ?? DESKTOP,
        ...(pageOptions.timezoneId === undefined ? {} : { timezoneId: pageOptions.timezoneId }),
      });
      contexts.push(context);
      context.setDefaultTimeout(ACTION_LIMIT_MS);
      context.setDefaultNavigationTimeout(NAVIGATION_LIMIT_MS);
      return context.newPage();
    },

    test(name, body) {
      it(
        name,
        async () => {
          const steps = stepsWithin(stepBudgetMs);
          try {
            await body(steps);
          } catch (error) {
            const testName = expect.getState().currentTestName ?? name;
            const saved = await saveFailedPages(testName, contexts.flatMap((context) => context.pages()));
            if (web !== undefined) saved.push(saveHostOutput(testName, web.stack.hostOutput()));
            throw withNotes(error, {
              after: [
                '',
                '',
                'Steps taken:',
                indented(describeTakenSteps(steps.taken)),
                'The open pages and the host log, as they were when the test failed, saved to:',
                indented(saved.join('\n')),
              ].join('\n'),
            });
          }
        },
        options.testTimeoutMs,
      );
    },
  };
}

function indented(lines: string): string {
  return lines.replace(/^/gm, '  ');
}
