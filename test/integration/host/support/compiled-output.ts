/**
 * The host tests run compiled JavaScript (the host child process, the fixture apps). `npm test`
 * builds first; when a test file runs on its own against a stale or missing build, this builds
 * once (one build at a time across jest workers) before the tests start.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const FIXTURE_APP = path.join(REPOSITORY_ROOT, 'test', 'fixtures', 'http-timer-app');
export const EXTENSION_FIXTURE_APP = path.join(FIXTURE_APP, 'extension-app');
export const DURABLE_FIXTURE_APP = path.join(FIXTURE_APP, 'durable-app');

const WATCHED_SOURCES = [path.join('infra', 'local'), path.join('test', 'fixtures', 'http-timer-app'), path.join('shared', 'clock.ts')];

function typeScriptSources(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  if (fs.statSync(folder).isFile()) return [folder];
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return typeScriptSources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function isStale(): boolean {
  for (const folder of WATCHED_SOURCES) {
    for (const source of typeScriptSources(path.join(REPOSITORY_ROOT, folder))) {
      const compiled = path.join(REPOSITORY_ROOT, 'dist', path.relative(REPOSITORY_ROOT, source)).replace(/\.ts$/, '.js');
      if (!fs.existsSync(compiled) || fs.statSync(compiled).mtimeMs < fs.statSync(source).mtimeMs) return true;
    }
  }
  return false;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Builds the project if any watched source is newer than its compiled file. */
export function ensureCompiled(): void {
  if (!isStale()) return;
  const lock = path.join(REPOSITORY_ROOT, 'dist', '.host-tests-build.lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // Another worker is building; a lock older than two minutes is left over from a crash.
      const lockedSince = fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - lockedSince > 120_000) fs.rmSync(lock, { recursive: true, force: true });
      sleep(500);
      if (!isStale()) return;
    }
  }
  try {
    if (!isStale()) return;
    try {
      execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], {
        cwd: REPOSITORY_ROOT,
        stdio: 'pipe',
      });
    } catch {
      // tsc exits non-zero when any file has a type error yet still emits; the files are what count.
    }
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
