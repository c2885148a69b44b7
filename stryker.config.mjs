// Mutation testing of the domain (`npm run mutate`, see scripts/mutate.js, which runs it once per
// module with BATON_MUTATE_MODULE set). Not part of `npm test`: it reruns the tests for every mutant.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const jestConfig = require('./jest.config.js');
const domainModule = process.env.BATON_MUTATE_MODULE;
const target = domainModule === undefined ? 'shared/domain' : `shared/domain/${domainModule}`;
const reportName = domainModule ?? 'domain';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  // Per-test coverage runs, for each mutant, exactly the tests that reached it. Jest's related tests
  // follow imports transitively (a lifecycle test that reaches the SLA engine through `decide` is
  // one), so they only spare each mutant the loading of test files that cannot reach it.
  coverageAnalysis: 'perTest',
  jest: {
    projectType: 'custom',
    enableFindRelatedTests: true,
    config: {
      ...jestConfig,
      // The domain sources are roots too: jest only follows imports through files under its roots,
      // and a test that reaches a module through `decide` or the agenda must count as related.
      roots: ['<rootDir>/test/unit/domain', '<rootDir>/shared/domain'],
      collectCoverage: false,
      // Domain tests need no browser: the suite's global setup is for the browser tests.
      globalSetup: undefined,
      coverageThreshold: undefined,
      // Property tests draw a capped number of cases from one fixed seed, so a mutant is killed or
      // not on every run alike (see the mapped module).
      moduleNameMapper: { ...jestConfig.moduleNameMapper, '^fast-check$': '<rootDir>/test/mutation/repeatable-fast-check.js' },
    },
  },
  mutate: [`${target}/**/*.ts`],
  // The domain is small; copying only what the tests read keeps the sandbox quick to build.
  // Another module's sandbox (under .stryker-tmp) is not copied: Stryker leaves out only its own.
  ignorePatterns: ['dist', 'coverage', 'test-output', '.local', 'infra', 'functions', 'bench', 'docs', '.stryker-tmp'],
  // Static mutants (module-level values such as zod schemas and lookup tables) need the whole domain
  // suite per mutant, most of a run's time; they are reported as ignored unless BATON_MUTATE_STATIC=1.
  ignoreStatic: process.env.BATON_MUTATE_STATIC !== '1',
  concurrency: Number(process.env.BATON_MUTATE_CONCURRENCY ?? 1),
  // Added to the expected time of a mutant's tests: an endless loop is given up on after this, not a minute.
  // The expected time counts the tests alone, not the loading of their files: a module reached by
  // dozens of test files (the calendar, through every SLA and agenda test) needs a longer margin on a
  // busy machine, or mutants its tests would kill are reported as timeouts (BATON_MUTATE_TIMEOUT_MS).
  timeoutMS: Number(process.env.BATON_MUTATE_TIMEOUT_MS ?? 10000),
  // The first run of every covering test takes minutes on shared, busy cores; Stryker's default gives up after five.
  dryRunTimeoutMinutes: 20,
  reporters: ['html', 'json', 'clear-text', 'progress-append-only'],
  htmlReporter: { fileName: `test-output/mutation/${reportName}.html` },
  jsonReporter: { fileName: `test-output/mutation/${reportName}.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false, reportScoreTable: true },
  thresholds: { high: 90, low: 80, break: null },
  // One sandbox folder per module, so that modules can be mutated side by side.
  tempDirName: `.stryker-tmp/${reportName}`,
  cleanTempDir: true,
};
