/** Jest runs the TypeScript sources directly; `npm test` type-checks and builds first (pretest). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Settles the browser tests' Chromium once per run (see test/global-setup.ts).
  globalSetup: '<rootDir>/test/global-setup.ts',
  modulePathIgnorePatterns: ['<rootDir>/dist'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  maxWorkers: 2,
  testTimeout: 30000,
  collectCoverage: true,
  collectCoverageFrom: ['shared/domain/**/*.ts'],
  coverageReporters: ['text-summary'],
  coverageThreshold: { './shared/domain/': { lines: 90 } },
};
