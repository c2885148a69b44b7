/*
 * Mutation testing of the domain (`npm run mutate [module…]`): runs Stryker once per module of
 * shared/domain (so one slow module does not hide the others' scores), each time against every
 * domain unit test that covers a mutant, and prints the mutation score per module.
 * Reports: test-output/mutation/<module>.html (and .json). BATON_FC_SEED fixes the property tests' seed.
 * Plain JavaScript so it runs without a build.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const domain = path.join(root, 'shared', 'domain');
const reports = path.join(root, 'test-output', 'mutation');
const allModules = fs.readdirSync(domain, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !allModules.includes(name));
if (unknown.length > 0) {
  console.error(`unknown domain module(s): ${unknown.join(', ')}; known: ${allModules.join(', ')}`);
  process.exit(2);
}
const modules = requested.length > 0 ? requested : allModules;
// The package exports no bin path; npm links its command here.
const stryker = path.join(root, 'node_modules', '.bin', 'stryker');

/** Stryker's own definition: detected mutants over all valid ones (uncovered ones count as survivors). */
function scoreOf(report) {
  const count = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, Ignored: 0, CompileError: 0, RuntimeError: 0 };
  for (const file of Object.values(report.files)) {
    for (const mutant of file.mutants) count[mutant.status] = (count[mutant.status] ?? 0) + 1;
  }
  const detected = count.Killed + count.Timeout;
  const valid = detected + count.Survived + count.NoCoverage;
  return { ...count, detected, valid, score: valid === 0 ? NaN : (100 * detected) / valid };
}

fs.mkdirSync(reports, { recursive: true });
const rows = [];
for (const name of modules) {
  const jsonReport = path.join(reports, `${name}.json`);
  fs.rmSync(jsonReport, { force: true }); // a report left from an earlier run must not pass for this one
  const started = Date.now();
  console.log(`\n== shared/domain/${name} ==`);
  const run = spawnSync(
    stryker,
    ['run', 'stryker.config.mjs'],
    { cwd: root, stdio: 'inherit', env: { ...process.env, BATON_MUTATE_MODULE: name } },
  );
  const minutes = (Date.now() - started) / 60000;
  if (run.status !== 0 || !fs.existsSync(jsonReport)) {
    rows.push({ name, minutes, failed: true });
    continue;
  }
  rows.push({ name, minutes, ...scoreOf(JSON.parse(fs.readFileSync(jsonReport, 'utf8'))) });
}

console.log(`\nMutation score per domain module (load average ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}):`);
console.log('module          score   killed  timeout  survived  no-cov  ignored  minutes');
for (const row of rows) {
  const minutes = row.minutes.toFixed(1).padStart(7);
  if (row.failed) {
    console.log(`${row.name.padEnd(14)}  failed (see the output above)${minutes}`);
    continue;
  }
  console.log(
    `${row.name.padEnd(14)}  ${row.score.toFixed(1).padStart(5)}%  ${String(row.Killed).padStart(6)}  ${String(row.Timeout).padStart(7)}  ${String(row.Survived).padStart(8)}  ${String(row.NoCoverage).padStart(6)}  ${String(row.Ignored).padStart(7)}  ${minutes}`,
  );
}
console.log(`Reports: ${path.relative(root, reports)}/<module>.html`);
if (rows.some((row) => row.failed)) process.exitCode = 1;
