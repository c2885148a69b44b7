import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ignore from 'ignore';
import {
  compiledOutputs,
  IGNORE_FILE,
  packageViolations,
  plannedPackage,
  readLockfile,
  zippedEntries,
} from '../../../scripts/azure-package';

const REPO = path.join(__dirname, '../../..');
const funcignore = fs.readFileSync(path.join(REPO, IGNORE_FILE), 'utf8');
const lockfile = readLockfile(REPO);
const planned = plannedPackage(REPO);
// What azd would zip from .package/ once `npm run package:azure` has staged it.
const zipped = zippedEntries(planned, funcignore);

const packageNames = (entries: readonly string[]): string[] =>
  entries.filter((e) => /^node_modules\/(@[^/]+\/)?[^/@]+\/$/.test(e)).map((e) => e.slice('node_modules/'.length, -1));

describe('the deployment package', () => {
  it('holds the compiled functions, host.json, package.json and the production dependencies', () => {
    expect(zipped).toEqual(
      expect.arrayContaining(['dist/functions/intake.js', 'dist/shared/config/settings.js', 'host.json', 'package.json', 'node_modules/@azure/functions/']),
    );
    expect(packageNames(zipped)).toEqual(expect.arrayContaining(['@azure/cosmos', 'durable-functions', 'zod', 'luxon']));
  });

  it('holds no test, bench, script, offline-stack file, local data, development dependency or browser', () => {
    expect(packageViolations(zipped, lockfile)).toEqual([]);
    expect(zipped.filter((e) => /^(dist\/)?(test|bench|scripts|infra|coverage|test-output)\/|^\.local\//.test(e))).toEqual([]);
    expect(packageNames(zipped).filter((name) => ['@sparticuz/chromium', 'playwright-core', 'azurite', 'jest', 'typescript', 'ts-jest'].includes(name))).toEqual([]);
  });

  it('compiles functions/ and shared/ only, and everything they import stays inside them', () => {
    const compiled = planned.filter((entry) => entry.startsWith('dist/'));

    expect(compiled).toContain('dist/functions/ticket-orchestration.js');
    expect(compiled.filter((file) => !/^dist\/(functions|shared)\//.test(file))).toEqual([]);
  });

  it('is staged by the prepackage hook and deployed as built, without a remote build', () => {
    const azureYaml = fs.readFileSync(path.join(REPO, 'azure.yaml'), 'utf8');
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

    expect(azureYaml).toMatch(/^ {4}dist: \.package$/m);
    expect(azureYaml).toMatch(/^ {4}remoteBuild: false$/m);
    expect(azureYaml).toMatch(/^ {4}hooks:\n {6}prepackage:\n(?: {8}.*\n)*? {10}run: npm run package:azure$/m);
    expect(manifest.scripts['package:azure']).toMatch(/node dist\/scripts\/azure-package\.js$/);
    // azd refuses remoteBuild: false when the project's .funcignore leaves node_modules out.
    expect(ignore().add(funcignore).ignores('node_modules/')).toBe(false);
  });
});

describe('deployment package checks', () => {
  it('catch local data, tests, benches, coverage, dev dependencies and browsers', () => {
    const careless = [
      ...zipped,
      '.local/tickets/T-2026-000042.json',
      'dist/test/unit/domain/sla/first-response.test.js',
      'dist/infra/local/start.js',
      'bench/run.js',
      'coverage/lcov.info',
      'test-output/report.xml',
      'node_modules/jest/',
      'node_modules/azurite/dist/src/blob/main.js',
      'node_modules/@sparticuz/chromium/bin/chromium.br',
      'node_modules/playwright-core/',
      'local.settings.json',
    ];

    expect(packageViolations(careless, lockfile)).toEqual([
      '.local/tickets/T-2026-000042.json is not part of the app',
      'dist/test/unit/domain/sla/first-response.test.js is not part of the app',
      'dist/infra/local/start.js is not part of the app',
      'bench/run.js is not part of the app',
      'coverage/lcov.info is not part of the app',
      'test-output/report.xml is not part of the app',
      'node_modules holds jest, a development dependency',
      'node_modules holds azurite, a development dependency',
      'node_modules holds @sparticuz/chromium, a development dependency',
      'node_modules holds @sparticuz/chromium, a browser',
      'node_modules holds playwright-core, a development dependency',
      'node_modules holds playwright-core, a browser',
      'local.settings.json is not part of the app',
    ]);
  });

  it('leave out what .funcignore and azd leave out, and keep node_modules', () => {
    const folder = ['.funcignore', 'local.settings.json', '.azure/env/.env', '.local/mail/1.eml', 'test/unit/a.test.ts', 'host.json', 'node_modules/zod/index.js'];

    expect(zippedEntries(folder, funcignore)).toEqual(['host.json', 'node_modules/zod/index.js']);
  });

  describe('on a deploy build that imports the offline stack', () => {
    let root = '';
    beforeAll(() => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-deploy-package-'));
      const files: Record<string, string> = {
        'tsconfig.deploy.json': JSON.stringify({ compilerOptions: { outDir: '.package/dist', rootDir: '.', module: 'commonjs', types: [] }, include: ['functions/**/*.ts'] }),
        'functions/intake.ts': "import { stack } from '../infra/local/stack';\nexport const intake = stack;\n",
        'infra/local/stack.ts': 'export const stack = 1;\n',
      };
      for (const [file, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        fs.writeFileSync(path.join(root, file), text);
      }
    });
    afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

    it('list the imported file, which the check refuses', () => {
      const outputs = compiledOutputs(root);

      expect([...outputs].sort()).toEqual(['dist/functions/intake.js', 'dist/functions/intake.js.map', 'dist/infra/local/stack.js', 'dist/infra/local/stack.js.map']);
      expect(packageViolations(outputs, lockfile)).toEqual(['dist/infra/local/stack.js is not part of the app', 'dist/infra/local/stack.js.map is not part of the app']);
    });
  });
});
