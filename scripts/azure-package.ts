/**
 * Stages the deployment package azd uploads to the Function App (`npm run package:azure`, run by
 * the prepackage hook in azure.yaml): the app compiled with tsconfig.deploy.json, host.json,
 * package.json and the production dependencies only, in .package/. azd zips that folder as it is
 * (`dist: .package`, `remoteBuild: false`), applying the .funcignore found there, so nothing the
 * app does not run reaches Azure: no test, bench, script or offline-stack file, no local data, no
 * development dependency and no browser. The same rules list a package planned from the sources
 * and the lockfile (for the tests) and the staged folder (checked here before azd zips it).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ignore from 'ignore';
import ts from 'typescript';
import { z } from 'zod';

export const PACKAGE_DIR = '.package';
export const DEPLOY_CONFIG = 'tsconfig.deploy.json';
export const IGNORE_FILE = '.funcignore';
/** Copied beside the compiled app: what the Functions host and `npm ci` read. */
export const COPIED_FILES = ['host.json', 'package.json', 'package-lock.json', IGNORE_FILE] as const;

/** Paths (relative to the package root, `/`-separated; folders end with `/`) that must never ship. */
const FORBIDDEN_PATHS: readonly RegExp[] = [
  /^(dist\/)?(test|bench|scripts|infra|coverage|test-output|docs)\//,
  /^\.local\//,
  /^\.package\//,
  /(^|\/)local\.settings\.json$/,
  /^(?!node_modules\/).*(?<!\.d)\.ts$/,
];

/** A package that ships a browser or drives one: its name (without scope) starts with one of these. */
const BROWSER_PACKAGE = /^(chromium|playwright|puppeteer)(-|$)/;

export function isBrowserPackage(name: string): boolean {
  return BROWSER_PACKAGE.test(name.split('/').pop() ?? name);
}

const LockfileSchema = z.looseObject({
  lockfileVersion: z.literal(3),
  packages: z.record(z.string(), z.looseObject({ dev: z.boolean().optional() })),
});
export type Lockfile = z.infer<typeof LockfileSchema>;

export function readLockfile(root: string): Lockfile {
  return LockfileSchema.parse(JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')));
}

/** The package a path inside node_modules belongs to: `node_modules/a/node_modules/@b/c/x.js` → `@b/c`. */
export function packageNameOf(entry: string): string | undefined {
  const at = entry.lastIndexOf('node_modules/');
  if (at === -1) return undefined;
  const [first = '', second = ''] = entry.slice(at + 'node_modules/'.length).split('/');
  return first.startsWith('@') ? `${first}/${second}` : first || undefined;
}

/** Folders `npm ci --omit=dev` installs: every lockfile entry npm does not mark `dev`. */
export function productionInstall(lockfile: Lockfile): string[] {
  return Object.entries(lockfile.packages)
    .filter(([lockPath, entry]) => lockPath.startsWith('node_modules/') && entry.dev !== true)
    .map(([lockPath]) => `${lockPath}/`);
}

/** Packages only development needs: npm marks them `dev` in the lockfile. */
export function developmentPackages(lockfile: Lockfile): Set<string> {
  const names = Object.entries(lockfile.packages)
    .filter(([, entry]) => entry.dev === true)
    .flatMap(([lockPath]) => packageNameOf(lockPath) ?? []);
  const inProduction = new Set(productionInstall(lockfile).flatMap((folder) => packageNameOf(folder) ?? []));
  return new Set(names.filter((name) => !inProduction.has(name)));
}

function deployConfig(root: string): ts.ParsedCommandLine {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(root, DEPLOY_CONFIG), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (parsed === undefined) throw new Error(`${DEPLOY_CONFIG} could not be read`);
  return parsed;
}

/**
 * What tsc emits for the deploy build, relative to the package root: every source the program
 * reaches (the include list and whatever it imports, even from outside it), as `dist/<source>.js`
 * with its map, and imported JSON as `dist/<file>.json`. Read without compiling.
 */
export function compiledOutputs(root: string): string[] {
  const config = deployConfig(root);
  const program = ts.createProgram({ rootNames: config.fileNames, options: { ...config.options, noResolve: false } });
  const outDir = path.relative(path.join(root, PACKAGE_DIR), config.options.outDir ?? '');
  return program
    .getSourceFiles()
    .map((source) => path.relative(root, source.fileName))
    .filter((source) => !source.split(path.sep).includes('node_modules') && !source.endsWith('.d.ts'))
    .flatMap((source) => {
      const out = path.join(outDir, source).split(path.sep).join('/');
      return source.endsWith('.json') ? [out] : [out.replace(/\.ts$/, '.js'), out.replace(/\.ts$/, '.js.map')];
    });
}

/** The package as staging would lay it out, from the sources and the lockfile alone. */
export function plannedPackage(root: string): string[] {
  return [...compiledOutputs(root), ...COPIED_FILES, ...productionInstall(readLockfile(root))];
}

/**
 * What azd puts in the zip from a folder's entries: it leaves out the ignore file itself,
 * local.settings.json and .azure/, then whatever the folder's .funcignore matches (gitignore rules;
 * a folder matched is left out whole).
 */
export function zippedEntries(entries: readonly string[], funcignore: string): string[] {
  const rules = ignore().add(funcignore);
  return entries.filter((entry) => {
    const name = entry.replace(/\/$/, '').split('/').pop() ?? '';
    if (name === IGNORE_FILE || name === 'local.settings.json' || entry.split('/').includes('.azure')) return false;
    const parents = entry.split('/').slice(0, -1).map((_, i, all) => `${all.slice(0, i + 1).join('/')}/`);
    return ![...parents, entry].some((candidate) => rules.ignores(candidate));
  });
}

/** Why a zip holding these entries must not ship; empty when it may. */
export function packageViolations(entries: readonly string[], lockfile: Lockfile): string[] {
  const development = developmentPackages(lockfile);
  const violations = new Set<string>();
  for (const entry of entries) {
    if (FORBIDDEN_PATHS.some((pattern) => pattern.test(entry))) violations.add(`${entry} is not part of the app`);
    const name = packageNameOf(entry);
    if (name !== undefined && development.has(name)) violations.add(`node_modules holds ${name}, a development dependency`);
    if (name !== undefined && isBrowserPackage(name)) violations.add(`node_modules holds ${name}, a browser`);
  }
  return [...violations];
}

/** Every file and folder under `directory`, relative to it, `/`-separated, folders ending with `/`. */
export function listEntries(directory: string): string[] {
  return fs.readdirSync(directory, { recursive: true, withFileTypes: true }).map((entry) => {
    const relative = path.relative(directory, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    return entry.isDirectory() ? `${relative}/` : relative;
  });
}

function run(command: string, args: readonly string[], cwd: string): void {
  execFileSync(command, args, { cwd, stdio: 'inherit' });
}

/** Builds .package/ from scratch and refuses (throws) if what azd would zip holds anything forbidden. */
export function stagePackage(root: string, report: (line: string) => void): void {
  const staging = path.join(root, PACKAGE_DIR);
  fs.rmSync(staging, { recursive: true, force: true });
  report(`compiling the app with ${DEPLOY_CONFIG}`);
  run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, DEPLOY_CONFIG)], root);
  for (const file of COPIED_FILES) fs.copyFileSync(path.join(root, file), path.join(staging, file));
  report('installing the production dependencies (npm ci --omit=dev)');
  // npm's own CLI, as `npm run` started this script, so the same npm installs on every platform.
  const npm = process.env.npm_execpath;
  if (npm === undefined) throw new Error('run this through npm: npm run package:azure');
  run(process.execPath, [npm, 'ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], staging);
  const entries = zippedEntries(listEntries(staging), fs.readFileSync(path.join(staging, IGNORE_FILE), 'utf8'));
  const violations = packageViolations(entries, readLockfile(root));
  if (violations.length > 0) throw new Error(`the deployment package must not ship:\n  ${violations.join('\n  ')}`);
  report(`${PACKAGE_DIR}/ holds ${entries.filter((e) => !e.endsWith('/')).length} files for azd to zip`);
}

if (require.main === module) {
  try {
    stagePackage(path.join(__dirname, '../..'), (line) => console.log(line));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
