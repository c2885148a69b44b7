/**
 * Headless Chromium driven by playwright-core, which never downloads a browser: Debian's when the
 * machine has one, else the one the `@sparticuz/chromium` devDependency ships (see
 * chromium-binary.ts). One browser per test file; Playwright gives each launch a fresh temporary
 * `--user-data-dir` and removes it when the browser closes.
 */
import { chromium, type Browser } from 'playwright-core';
import { resolveChromium } from './chromium-binary';

/**
 * What headless Chromium needs as root, offline, in a container: no sandbox, no GPU, and none of
 * the background traffic (QUIC, component updates, sync) that would try to reach the internet.
 * The npm build's own recommended flags are for AWS Lambda (a single process, web security off)
 * and are left out: both builds run with these.
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
  const binary = await resolveChromium();
  return chromium.launch({
    executablePath: binary.executablePath,
    headless: true,
    args: [...CHROMIUM_ARGUMENTS],
    env: { ...process.env, ...binary.environment },
  });
}
