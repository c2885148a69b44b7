/**
 * What a production install (`npm ci --omit=dev`, which `npm run package:azure` runs to stage the
 * deployment package) puts into the deployed app, read from package-lock.json: npm marks
 * `dev` every package that only development dependencies need, and leaves exactly those out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { isBrowserPackage, packageNameOf, productionInstall, readLockfile, type Lockfile } from '../../../scripts/azure-package';

const REPO = path.join(__dirname, '../../..');

const ManifestSchema = z.looseObject({
  dependencies: z.record(z.string(), z.string()),
  devDependencies: z.record(z.string(), z.string()),
});

function browserPackagesInProduction(lockfile: Lockfile): string[] {
  return productionInstall(lockfile).flatMap((folder) => packageNameOf(folder) ?? []).filter(isBrowserPackage);
}

const lockfile = readLockfile(REPO);
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
