/**
 * The API tests run Baton itself in the local host, which loads the compiled functions. When a
 * source is newer than its build (a test file run on its own), this builds once, sharing the build
 * lock the other host tests use so that two jest workers never run tsc at the same time.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const WATCHED = ['functions', 'shared', path.join('infra', 'local')];

function sources(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function isStale(): boolean {
  return WATCHED.some((folder) =>
    sources(path.join(REPOSITORY_ROOT, folder)).some((source) => {
      const compiled = path.join(REPOSITORY_ROOT, 'dist', path.relative(REPOSITORY_ROOT, source)).replace(/\.ts$/, '.js');
      return !fs.existsSync(compiled) || fs.statSync(compiled).mtimeMs < fs.statSync(source).mtimeMs;
    }),
  );
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function ensureCompiled(): void {
  if (!isStale()) return;
  const lock = path.join(REPOSITORY_ROOT, 'dist', '.host-tests-build.lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      const since = fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > 120_000) fs.rmSync(lock, { recursive: true, force: true });
      sleep(500);
      if (!isStale()) return;
    }
  }
  try {
    if (!isStale()) return;
    try {
      execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: REPOSITORY_ROOT, stdio: 'pipe' });
    } catch {
      // tsc exits non-zero when any file in the tree has a type error, yet emits every file.
    }
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
