/**
 * The staff console's progressive enhancement, run in the browser: every SLA countdown on the page
 * counts down live, and a list page that asks for it reloads itself now and then, but never while
 * someone is typing in or choosing from one of its forms. Without it the pages show the time left
 * as of rendering and a reload brings them up to date. The countdowns run on the app's clock as
 * the page states it (`data-rendered-at`), so a browser whose clock is off counts right too.
 *
 * Served as text (`enhanceConsole.toString()`), so it must stay self-contained: it receives the
 * wording function the server renders with, so both write the time left alike.
 */
import type { BrowserElement } from './browser-types';

/** The part of `window` this script uses, beyond what the requester pages' scripts need. */
export interface ConsoleWindow {
  readonly document: {
    querySelectorAll<Found extends BrowserElement = BrowserElement>(selectors: string): ArrayLike<Found>;
    querySelector<Found extends BrowserElement = BrowserElement>(selectors: string): Found | null;
    readonly activeElement: BrowserElement | null;
    readonly hidden: boolean;
  };
  readonly location: { reload(): void };
  setInterval(callback: () => void, ms: number): number;
  setTimeout(callback: () => void, ms: number): number;
}

export type TimeLeftWording = (dueMs: number, nowMs: number) => string;

export function enhanceConsole(browser: ConsoleWindow, describeTimeLeft: TimeLeftWording): void {
  /** Minutes are the finest unit shown, so a few ticks a minute keep the text within a second or two. */
  const COUNTDOWN_TICK_MS = 15000;

  // The app's clock, not the browser's: the page says when the app rendered it.
  const renderedAt = Date.parse(browser.document.querySelector('[data-rendered-at]')?.getAttribute('data-rendered-at') ?? '');
  const offsetMs = Number.isNaN(renderedAt) ? 0 : renderedAt - Date.now();

  const countdowns: BrowserElement[] = Array.from(browser.document.querySelectorAll('[data-due-at]'));
  function refreshCountdowns(): void {
    const nowMs = Date.now() + offsetMs;
    for (const element of countdowns) {
      const dueMs = Date.parse(element.getAttribute('data-due-at') ?? '');
      if (!Number.isNaN(dueMs)) element.textContent = describeTimeLeft(dueMs, nowMs);
    }
  }
  if (countdowns.length > 0) {
    refreshCountdowns();
    browser.setInterval(refreshCountdowns, COUNTDOWN_TICK_MS);
  }

  const refreshing = browser.document.querySelector('[data-auto-refresh]');
  const seconds = Number(refreshing?.getAttribute('data-auto-refresh') ?? '');
  if (refreshing === null || !(seconds > 0)) return;
  function busy(): boolean {
    const focused = browser.document.activeElement;
    if (focused === null) return false;
    const tag = focused.tagName.toLowerCase();
    return tag === 'input' || tag === 'select' || tag === 'textarea' || tag === 'button';
  }
  function reloadWhenIdle(): void {
    // A hidden tab or a half-filled form waits for the next turn instead of losing its state.
    if (browser.document.hidden || busy()) browser.setTimeout(reloadWhenIdle, seconds * 1000);
    else browser.location.reload();
  }
  browser.setTimeout(reloadWhenIdle, seconds * 1000);
}
