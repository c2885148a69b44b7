/**
 * What a production install (`npm ci --omit=dev`, and Azure's remote build once it prunes the
 * development dependencies) puts into the deployed app, read from package-lock.json: npm marks
 * `dev` every package that only development dependencies need, and leaves exactly those out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const REPO = path.join(__dirname, '../../..');

const LockfileSchema = z.looseObject({
  lockfileVersion: z.literal(3),
  packages: z.record(z.string(), z.looseObject({ dev: z.boolean().optional() })),
});
type Lockfile = z.infer<typeof LockfileSchema>;

const ManifestSchema = z.looseObject({
  dependencies: z.record(z.string(), z.string()),
  devDependencies: z.record(z.string(), z.string()),
});

/** A package that ships a browser or drives one: its name (without scope) starts with one of these. */
const BROWSER_PACKAGE = /^(chromium|playwright|puppeteer)(-|$)/;

function isBrowserPackage(name: string): boolean {
  return BROWSER_PACKAGE.test(name.split('/').pop() ?? name);
}

/** `node_modules/a/node_modules/@b/c` → `@b/c`; the root project ('') has no name. */
function packageName(lockPath: string): string {
  return lockPath.slice(lockPath.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

function browserPackagesInProduction(lockfile: Lockfile): string[] {
  return Object.entries(lockfile.packages)
    .filter(([lockPath, entry]) => lockPath !== '' && entry.dev !== true && isBrowserPackage(packageName(lockPath)))
    .map(([lockPath]) => packageName(lockPath));
}

const lockfile = LockfileSchema.parse(JSON.parse(fs.readFileSync(path.join(REPO, 'package-lock.json'), 'utf8')));
const manifest = ManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')));

describe('the production install', () => {
  it('declares the browser the tests drive, and its driver, as development dependencies only', () => {
    expect(Object.keys(manifest.devDependencies)).toEqual(expect.arrayContaining(['@sparticuz/chromium', 'playwright-core']));
    expect(Object.keys(manifest.dependencies).filter(isBrowserPackage)).toEqual([]);
  });

  it('installs no browser package, not even one a production dependency pulls in', () => {
    expect(browserPackagesInProduction(lockfile)).toEqual([]);
  });

  it('is told apart from the development install by the lockfile', () => {
    const doctored: Lockfile = {
      ...lockfile,
      packages: { ...lockfile.packages, 'node_modules/@sparticuz/chromium': { dev: false }, 'node_modules/x/node_modules/puppeteer-core': {} },
    };

    expect(browserPackagesInProduction(doctored).sort()).toEqual(['@sparticuz/chromium', 'puppeteer-core']);
    expect(['electron-to-chromium', 'chromium', '@sparticuz/chromium-min'].filter(isBrowserPackage)).toEqual([
      'chromium',
      '@sparticuz/chromium-min',
    ]);
  });
});
