/**
 * The local stack runs Baton from `dist/` (package.json `main`), so a browser test needs a build
 * that is at least as new as the sources. `npm test` builds first; run on its own, a browser test
 * builds once here (one build at a time, sharing the host tests' lock) when a source is newer.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..', '..');
const BUILD_LOCK = path.join(REPOSITORY_ROOT, 'dist', '.host-tests-build.lock');
const APP_SOURCES = ['functions', 'shared', path.join('infra', 'local')];

function typeScriptSources(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return typeScriptSources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function isStale(): boolean {
  return APP_SOURCES.some((folder) =>
    typeScriptSources(path.join(REPOSITORY_ROOT, folder)).some((source) => {
      const compiled = path.join(REPOSITORY_ROOT, 'dist', path.relative(REPOSITORY_ROOT, source)).replace(/\.ts$/, '.js');
      return !fs.existsSync(compiled) || fs.statSync(compiled).mtimeMs < fs.statSync(source).mtimeMs;
    }),
  );
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function ensureAppCompiled(): void {
  if (!isStale()) return;
  fs.mkdirSync(path.dirname(BUILD_LOCK), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(BUILD_LOCK);
      break;
    } catch {
      // Someone else builds; a lock older than three minutes was left by a crash.
      const since = fs.statSync(BUILD_LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > 180_000) fs.rmSync(BUILD_LOCK, { recursive: true, force: true });
      pause(500);
      if (!isStale()) return;
    }
  }
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: REPOSITORY_ROOT, stdio: 'pipe' });
  } catch {
    // tsc exits non-zero on any type error elsewhere in the tree, yet still emits every file.
  } finally {
    fs.rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}
