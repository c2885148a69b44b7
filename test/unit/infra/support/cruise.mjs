/**
 * Runs dependency-cruiser through its API with the repository's rules and prints the violations
 * as JSON: `node cruise.mjs <rules file> <base folder> <path>...`. A script of its own because
 * dependency-cruiser is an ES module only, which jest 29 (CommonJS) cannot load in its own process.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const [rulesFile, baseDir, ...paths] = process.argv.slice(2);
if (rulesFile === undefined || baseDir === undefined || paths.length === 0) {
  process.stderr.write('usage: node cruise.mjs <rules file> <base folder> <path>...\n');
  process.exit(2);
}

const options = await extractDepcruiseOptions(resolve(rulesFile));
const tsConfigFile = options.tsConfig?.fileName === undefined ? undefined : join(resolve(baseDir), options.tsConfig.fileName);
// A fixture folder has no tsconfig of its own: its relative and package imports resolve without one.
const withTsConfig = tsConfigFile !== undefined && existsSync(tsConfigFile);
const cruiseOptions = { ...options, baseDir: resolve(baseDir), validate: true, ...(withTsConfig ? { tsConfig: { fileName: tsConfigFile } } : { tsConfig: undefined }) };
const result = await cruise(paths, cruiseOptions, undefined, withTsConfig ? { tsConfig: extractTSConfig(tsConfigFile) } : undefined);
const summary = result.output.summary;
const violations = summary.violations.map((violation) => ({
  rule: violation.rule.name,
  from: violation.from,
  to: violation.to,
  ...(violation.cycle === undefined ? {} : { cycle: violation.cycle.map((step) => step.name) }),
}));
process.stdout.write(JSON.stringify({ modules: summary.totalCruised, violations }));
