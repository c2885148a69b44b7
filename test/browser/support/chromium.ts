/**
 * Headless Chromium from Debian's `chromium` package, driven by playwright-core: no browser is
 * ever downloaded. One browser per test file; Playwright gives each launch a fresh temporary
 * `--user-data-dir` and removes it when the browser closes.
 */
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_EXECUTABLE = '/usr/bin/chromium';

/**
 * What headless Chromium needs as root, offline, in a container: no sandbox, no GPU, and none of
 * the background traffic (QUIC, component updates, sync) that would try to reach the internet.
 */
export const CHROMIUM_ARGUMENTS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_EXECUTABLE)) {
    throw new Error(`${CHROMIUM_EXECUTABLE} is missing: install Debian's chromium package (apt-get install -y chromium), as .ci/run does.`);
  }
  return chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, headless: true, args: [...CHROMIUM_ARGUMENTS] });
}
