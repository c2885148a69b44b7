/**
 * Tests that run compiled JavaScript (the local host child process, fixture apps, Baton itself)
 * need a build that matches its sources. `npm test` builds first; when a test file runs on its
 * own against a stale or missing build, this runs the same incremental build as `npm run build`
 * once — one build at a time across jest workers, through a lock directory — before the tests start.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BUILD_CONFIG, BUILD_INFO, OUT_DIR, settleBuildOutput } from '../../scripts/build-output';

const TWO_UP = path.resolve(__dirname, '..', '..');
/** The repository root, whether this runs from the sources (jest) or compiled under dist/. */
export const REPOSITORY_ROOT = path.basename(TWO_UP) === 'dist' ? path.dirname(TWO_UP) : TWO_UP;

const BUILD_LOCK = path.join(REPOSITORY_ROOT, OUT_DIR, '.test-build.lock');
/** A lock older than this is left over from a crashed worker. */
const STALE_LOCK_MS = 120_000;

function typeScriptSources(location: string): string[] {
  if (!fs.existsSync(location)) return [];
  if (fs.statSync(location).isFile()) return location.endsWith('.ts') ? [location] : [];
  return fs.readdirSync(location, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(location, entry.name);
    if (entry.isDirectory()) return typeScriptSources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function compiledFiles(location: string): string[] {
  if (!fs.existsSync(location)) return [];
  if (fs.statSync(location).isFile()) return location.endsWith('.js') ? [location] : [];
  return fs.readdirSync(location, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(location, entry.name);
    return entry.isDirectory() ? compiledFiles(full) : entry.name.endsWith('.js') ? [full] : [];
  });
}

/**
 * Stale when a watched source is newer than the last build (tsc -b stamps its build info even when
 * an edit changed nothing), lacks its output, or is gone while its output stays behind.
 */
function isStale(watched: readonly string[]): boolean {
  const builtAt = fs.statSync(path.join(REPOSITORY_ROOT, BUILD_INFO), { throwIfNoEntry: false })?.mtimeMs;
  if (builtAt === undefined) return true;
  return watched.some((location) => {
    const sources = typeScriptSources(path.join(REPOSITORY_ROOT, location));
    const changedOrUnbuilt = sources.some((source) => {
      const compiled = path.join(REPOSITORY_ROOT, OUT_DIR, path.relative(REPOSITORY_ROOT, source)).replace(/\.ts$/, '.js');
      return fs.statSync(source).mtimeMs > builtAt || !fs.existsSync(compiled);
    });
    const compiledLocation = path.join(REPOSITORY_ROOT, OUT_DIR, location.replace(/\.ts$/, '.js'));
    const orphaned = compiledFiles(compiledLocation).some(
      (compiled) => !fs.existsSync(path.join(REPOSITORY_ROOT, path.relative(path.join(REPOSITORY_ROOT, OUT_DIR), compiled)).replace(/\.js$/, '.ts')),
    );
    return changedOrUnbuilt || orphaned;
  });
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Builds the project when any source under `watched` (paths from the repository root) is stale (see isStale). */
export function ensureCompiledSources(watched: readonly string[]): void {
  if (!isStale(watched)) return;
  fs.mkdirSync(path.dirname(BUILD_LOCK), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(BUILD_LOCK);
      break;
    } catch {
      const lockedSince = fs.statSync(BUILD_LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - lockedSince > STALE_LOCK_MS) fs.rmSync(BUILD_LOCK, { recursive: true, force: true });
      sleep(500);
      if (!isStale(watched)) return;
    }
  }
  try {
    if (!isStale(watched)) return;
    try {
      execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', BUILD_CONFIG], { cwd: REPOSITORY_ROOT, stdio: 'pipe' });
    } catch {
      // tsc exits non-zero when any file in the tree has a type error, yet still emits every file.
    }
    try {
      settleBuildOutput(REPOSITORY_ROOT, () => undefined);
    } catch {
      // Only its full rebuild can fail, on the same type errors; it has emitted all the same.
    }
  } finally {
    fs.rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}
