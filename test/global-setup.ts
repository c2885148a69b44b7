/**
 * jest's global set-up, run once before any test file. It settles which Chromium the browser tests
 * use, unpacking the npm package's browser on a machine without Debian's (a few seconds, once per
 * package version), so no browser test file spends its start-up limit on it and parallel workers
 * do not each unpack their own.
 */
import { resolveChromium } from './browser/support/chromium-binary';

export default async function globalSetup(): Promise<void> {
  await resolveChromium();
}
