/**
 * Keeps dist/ exactly the compiled form of today's sources, after `tsc -b` (the second half of
 * `npm run build`). An incremental build compiles only what changed and never deletes: without
 * this, a deleted or renamed source would leave its old .js behind, and the Functions host, which
 * loads every `dist/functions/*.js`, would still register it. It also rebuilds in full when an
 * output is missing while the build info says nothing changed (someone deleted part of dist/).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const BUILD_CONFIG = 'tsconfig.build.json';
export const OUT_DIR = 'dist';
export const BUILD_INFO = path.join(OUT_DIR, '.tsbuildinfo');

/** What tsc emits for each source: `x.ts` → `dist/x.js` and its source map. */
function emittedFiles(root: string, source: string): string[] {
  const compiled = path.join(root, OUT_DIR, path.relative(root, source)).replace(/\.ts$/, '.js');
  return [compiled, `${compiled}.map`];
}

/** The sources the build compiles, as tsconfig's `include` finds them today (declaration files emit nothing). */
export function compiledSources(root: string): string[] {
  const configFile = path.join(root, BUILD_CONFIG);
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (parsed === undefined) throw new Error(`${configFile} could not be read`);
  return parsed.fileNames.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts')).map((file) => path.resolve(file));
}

/** Entries tsc never writes, such as the build info and a test build's lock folder, are left alone. */
function compiledEntries(directory: string): fs.Dirent[] {
  if (!fs.existsSync(directory)) return [];
  return fs.readdirSync(directory, { withFileTypes: true }).filter((entry) => !entry.name.startsWith('.'));
}

function compiledJavaScript(directory: string): string[] {
  return compiledEntries(directory).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return compiledJavaScript(full);
    return entry.name.endsWith('.js') || entry.name.endsWith('.js.map') ? [full] : [];
  });
}

/** Compiled files in dist/ whose source no longer exists (or is no longer compiled). */
export function orphanedOutputs(root: string, sources: readonly string[]): string[] {
  const expected = new Set(sources.flatMap((source) => emittedFiles(root, source)));
  return compiledJavaScript(path.join(root, OUT_DIR)).filter((file) => !expected.has(file));
}

/** Sources whose compiled JavaScript is missing from dist/. */
export function sourcesWithoutOutput(root: string, sources: readonly string[]): string[] {
  return sources.filter((source) => !emittedFiles(root, source).every((file) => fs.existsSync(file)));
}

function removeEmptyFoldersIn(directory: string): void {
  for (const entry of compiledEntries(directory)) {
    if (!entry.isDirectory()) continue;
    const folder = path.join(directory, entry.name);
    removeEmptyFoldersIn(folder);
    if (fs.readdirSync(folder).length === 0) fs.rmdirSync(folder);
  }
}

/**
 * Removes orphaned outputs, then rebuilds from scratch if any source still lacks its output,
 * telling `report` what it does.
 */
export function settleBuildOutput(root: string, report: (line: string) => void): void {
  const sources = compiledSources(root);
  const orphans = orphanedOutputs(root, sources);
  for (const file of orphans) fs.rmSync(file);
  removeEmptyFoldersIn(path.join(root, OUT_DIR));
  for (const file of orphans) report(`removed ${path.relative(root, file)}: its source is gone`);
  const missing = sourcesWithoutOutput(root, sources).map((source) => path.relative(root, source));
  if (missing.length > 0) {
    const named = missing.slice(0, 3).join(', ') + (missing.length > 3 ? ` and ${missing.length - 3} more` : '');
    report(`no output in ${OUT_DIR}/ for ${named}: rebuilding in full`);
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', BUILD_CONFIG, '--force'], { cwd: root, stdio: 'inherit' });
  }
}

if (require.main === module) {
  settleBuildOutput(path.resolve(__dirname, '..', '..'), (line) => process.stdout.write(`${line}\n`));
}
