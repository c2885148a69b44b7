import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFunctionHost } from '../../../infra/local/host/function-host';
import { createHostLogger, type HostLogEntry } from '../../../infra/local/host/host-log';
import { findEntryPoints, resolveEntryPattern } from '../../../infra/local/host/entry-points';
import { readLocalSettings } from '../../../infra/local/host/app-settings';
import { LocalSettingsSchema } from '../../../shared/config/config-schema';
import { ensureCompiled, REPOSITORY_ROOT } from './support/compiled-output';

const COMPILED_FIXTURE = path.join(REPOSITORY_ROOT, 'dist', 'test', 'fixtures', 'http-timer-app', 'functions');
let appDirectory: string;

function writeApp(files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(appDirectory, name)), { recursive: true });
    fs.writeFileSync(path.join(appDirectory, name), content);
  }
}

beforeAll(() => ensureCompiled(), 180_000);

beforeEach(() => {
  appDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'host-app-'));
});

afterEach(() => fs.rmSync(appDirectory, { recursive: true, force: true }));

describe('app settings and host.json', () => {
  it('puts local.settings.json values into the environment, lets existing variables win, and undoes it at stop', async () => {
    process.env.HOST_TEST_ALREADY_SET = 'from-environment';
    writeApp({
      'package.json': JSON.stringify({ main: `${COMPILED_FIXTURE}/{settings,routes}.js` }),
      'host.json': JSON.stringify({ version: '2.0', extensions: { http: { routePrefix: '' } } }),
      'local.settings.json': JSON.stringify({
        IsEncrypted: false,
        Values: { HOST_TEST_FROM_FILE: 'from-file', HOST_TEST_ALREADY_SET: 'from-file' },
      }),
    });
    const host = await startFunctionHost({ appDirectory, port: 0, logger: createHostLogger({ level: 'error' }) });
    try {
      const read = async (name: string): Promise<unknown> =>
        ((await (await fetch(`${host.url}/settings/${name}`)).json()) as { value: unknown }).value;
      await expect(read('HOST_TEST_FROM_FILE')).resolves.toBe('from-file');
      await expect(read('HOST_TEST_ALREADY_SET')).resolves.toBe('from-environment');
    } finally {
      await host.stop();
      delete process.env.HOST_TEST_ALREADY_SET;
    }
    expect(process.env.HOST_TEST_FROM_FILE).toBeUndefined();
  });

  it('serves functions from the root when host.json sets an empty route prefix', async () => {
    writeApp({
      'package.json': JSON.stringify({ main: `${COMPILED_FIXTURE}/routes.js` }),
      'host.json': JSON.stringify({ version: '2.0', extensions: { http: { routePrefix: '' } } }),
    });
    const host = await startFunctionHost({ appDirectory, port: 0, logger: createHostLogger({ level: 'error' }) });
    try {
      expect(host.routePrefix).toBe('');
      expect((await fetch(`${host.url}/items/42`)).status).toBe(200);
      expect((await fetch(`${host.url}/api/items/42`)).status).toBe(404);
    } finally {
      await host.stop();
    }
  });

  it('starts with what loaded when an entry point throws, and logs why, as the Node worker does', async () => {
    writeApp({
      'package.json': JSON.stringify({ main: '{broken,routes}.js' }),
      'broken.js': "throw new Error('entry point exploded');\n",
      'routes.js': `module.exports = require(${JSON.stringify(path.join(COMPILED_FIXTURE, 'settings.js'))});\n`,
    });
    const entries: HostLogEntry[] = [];
    const host = await startFunctionHost({
      appDirectory,
      port: 0,
      logger: createHostLogger({ level: 'error', write: () => undefined, listener: (entry) => entries.push(entry) }),
    });
    try {
      expect(entries.some((entry) => entry.level === 'error' && entry.message.includes('entry point exploded'))).toBe(true);
      expect((await fetch(`${host.url}/`)).status).toBe(200);
    } finally {
      await host.stop();
    }
  });
});

describe('entry points from package.json main', () => {
  beforeEach(() =>
    writeApp({
      'dist/functions/a.js': '',
      'dist/functions/b.js': '',
      'dist/functions/notes.md': '',
      'dist/functions/nested/c.js': '',
      'node_modules/dep/index.js': '',
      'index.js': '',
    }),
  );

  const relative = (files: string[]): string[] => files.map((file) => path.relative(appDirectory, file));

  it('expands a glob over one folder', () => {
    expect(relative(resolveEntryPattern(appDirectory, 'dist/functions/*.js'))).toEqual(['dist/functions/a.js', 'dist/functions/b.js']);
  });

  it('expands ** at any depth, leaving node_modules out', () => {
    expect(relative(resolveEntryPattern(appDirectory, '**/*.js'))).toEqual([
      'dist/functions/a.js',
      'dist/functions/b.js',
      'dist/functions/nested/c.js',
      'index.js',
    ]);
  });

  it('expands brace alternatives and accepts a single file', () => {
    expect(relative(resolveEntryPattern(appDirectory, 'dist/functions/{b,nested/c}.js'))).toEqual([
      'dist/functions/b.js',
      'dist/functions/nested/c.js',
    ]);
    expect(relative(resolveEntryPattern(appDirectory, 'dist/functions/{a,b}.js'))).toEqual(['dist/functions/a.js', 'dist/functions/b.js']);
    expect(relative(resolveEntryPattern(appDirectory, './index.js'))).toEqual(['index.js']);
  });

  it('explains a main that matches nothing and a package.json without main', () => {
    writeApp({ 'package.json': JSON.stringify({ main: 'dist/missing/*.js' }) });
    expect(() => findEntryPoints(appDirectory)).toThrow('Found zero files matching the "main" pattern "dist/missing/*.js"');
    writeApp({ 'package.json': JSON.stringify({ name: 'no-main' }) });
    expect(() => findEntryPoints(appDirectory)).toThrow('has no "main"');
  });
});

describe('the local settings sample', () => {
  it('is a local.settings.json the host reads and whose values satisfy Baton local settings', () => {
    const sample = readLocalSettings(path.join(REPOSITORY_ROOT, 'infra', 'local', 'local.settings.sample.json'));
    const values = Object.fromEntries(Object.entries(sample.Values ?? {}).map(([name, value]) => [name, String(value)]));
    expect(sample.Host?.LocalHttpPort).toBe(7071);
    const parsed = LocalSettingsSchema.safeParse(values);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });
});
