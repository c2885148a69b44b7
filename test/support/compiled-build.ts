/**
 * Tests that run compiled JavaScript (the local host child process, fixture apps, Baton itself)
 * need a build no older than its sources. `npm test` builds first; when a test file runs on its
 * own against a stale or missing build, this builds once — one build at a time across jest
 * workers, through a lock directory — before the tests start.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const TWO_UP = path.resolve(__dirname, '..', '..');
/** The repository root, whether this runs from the sources (jest) or compiled under dist/. */
export const REPOSITORY_ROOT = path.basename(TWO_UP) === 'dist' ? path.dirname(TWO_UP) : TWO_UP;

const BUILD_LOCK = path.join(REPOSITORY_ROOT, 'dist', '.test-build.lock');
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

function isStale(watched: readonly string[]): boolean {
  return watched.some((location) =>
    typeScriptSources(path.join(REPOSITORY_ROOT, location)).some((source) => {
      const compiled = path.join(REPOSITORY_ROOT, 'dist', path.relative(REPOSITORY_ROOT, source)).replace(/\.ts$/, '.js');
      return !fs.existsSync(compiled) || fs.statSync(compiled).mtimeMs < fs.statSync(source).mtimeMs;
    }),
  );
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Builds the project when any source under `watched` (paths from the repository root) is newer than its build. */
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
      execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], {
        cwd: REPOSITORY_ROOT,
        stdio: 'pipe',
      });
    } catch {
      // tsc exits non-zero when any file in the tree has a type error, yet still emits every file.
    }
  } finally {
    fs.rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}
