/*
 * Runs a TypeScript benchmark (`npm run bench`): builds the project first (the local host loads
 * apps from compiled JavaScript; tsc emits even when some file has a type error), then runs each
 * benchmark with its TypeScript transpiled on the fly. Benchmarks are not tests: they print figures.
 */
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
if (process.env.BENCH_SKIP_BUILD !== '1') {
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'tsconfig.build.json'], { cwd: root, stdio: 'pipe' });
  } catch {
    // Type errors elsewhere in the tree do not stop tsc from emitting.
  }
  // As `npm run build` does: drop the output of deleted sources, so no stale function is loaded.
  execFileSync(process.execPath, [path.join(root, 'dist', 'scripts', 'build-output.js')], { cwd: root, stdio: 'inherit' });
}

require('./register-ts');

const only = process.argv[2];
const benchmarks = fs
  .readdirSync(__dirname)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => !only || file.includes(only));

(async () => {
  for (const file of benchmarks) {
    const { run } = require(path.join(__dirname, file));
    await run();
  }
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
