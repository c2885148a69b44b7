/** Jest runs the TypeScript sources directly; `npm test` type-checks and builds first (pretest). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  modulePathIgnorePatterns: ['<rootDir>/dist'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  maxWorkers: 2,
  testTimeout: 30000,
  collectCoverage: true,
  collectCoverageFrom: ['shared/domain/**/*.ts'],
  coverageReporters: ['text-summary'],
  coverageThreshold: { './shared/domain/': { lines: 90 } },
};
