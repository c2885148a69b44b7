import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUILD_CONFIG, compiledSources, settleBuildOutput } from '../../../scripts/build-output';

const REPO = path.join(__dirname, '../../..');

/** A project laid out like this one: its build config, sources under src/, output in dist/. */
function project(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-build-output-'));
  const all: Record<string, string> = {
    [BUILD_CONFIG]: JSON.stringify({
      compilerOptions: { outDir: 'dist', rootDir: '.', module: 'commonjs', target: 'ES2022', types: [], sourceMap: true, skipLibCheck: true, incremental: true, tsBuildInfoFile: 'dist/.tsbuildinfo' },
      include: ['src/**/*.ts'],
    }),
    ...files,
  };
  for (const [file, text] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

function filesUnder(root: string, folder: string): string[] {
  return fs.readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' }).sort();
}

describe('settling the build output', () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
  });

  it('removes the compiled files of a deleted source, and the folder it leaves empty', () => {
    const root = project({
      'src/kept.ts': 'export const kept = 1;',
      'dist/src/kept.js': '',
      'dist/src/kept.js.map': '',
      'dist/src/gone/deleted.js': '',
      'dist/src/gone/deleted.js.map': '',
    });
    roots.push(root);
    const told: string[] = [];

    settleBuildOutput(root, (line) => told.push(line));

    expect(filesUnder(root, 'dist')).toEqual(['src', 'src/kept.js', 'src/kept.js.map']);
    expect(told).toEqual([
      `removed ${path.join('dist', 'src', 'gone', 'deleted.js')}: its source is gone`,
      `removed ${path.join('dist', 'src', 'gone', 'deleted.js.map')}: its source is gone`,
    ]);
  });

  it('leaves alone what tsc does not emit: the build info and a test build lock', () => {
    const root = project({ 'src/kept.ts': 'export const kept = 1;', 'dist/src/kept.js': '', 'dist/src/kept.js.map': '', 'dist/.tsbuildinfo': '{}' });
    roots.push(root);
    fs.mkdirSync(path.join(root, 'dist', '.test-build.lock'));

    settleBuildOutput(root, () => undefined);

    expect(filesUnder(root, 'dist')).toEqual(['.test-build.lock', '.tsbuildinfo', 'src', 'src/kept.js', 'src/kept.js.map']);
  });

  it('rebuilds in full when a source has no output although the build info says nothing changed', () => {
    const root = project({ 'src/a.ts': 'export const a = 1;', 'src/b.ts': "export const b = 'b';", 'dist/src/a.js': '', 'dist/src/a.js.map': '', 'dist/.tsbuildinfo': '{}' });
    roots.push(root);
    const told: string[] = [];

    settleBuildOutput(root, (line) => told.push(line));

    expect(told).toEqual([`no output in dist/ for ${path.join('src', 'b.ts')}: rebuilding in full`]);
    expect(fs.readFileSync(path.join(root, 'dist/src/b.js'), 'utf8')).toContain("exports.b = 'b';");
    expect(fs.readFileSync(path.join(root, 'dist/src/a.js'), 'utf8')).toContain('exports.a = 1;');
  });

  it("reads this project's sources from the include list of its build config", () => {
    const sources = compiledSources(REPO).map((source) => path.relative(REPO, source));

    expect(sources).toEqual(expect.arrayContaining([path.join('scripts', 'build-output.ts'), path.join('infra', 'local', 'start.ts'), path.join('test', 'global-setup.ts')]));
    expect(sources.filter((source) => /^(node_modules|dist)\//.test(source) || source.endsWith('.d.ts'))).toEqual([]);
  });
});
