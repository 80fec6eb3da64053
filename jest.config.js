/**
 * One runner for libs, backend units, e2e and the UI's pure logic.
 * Shared libs are mapped to their TypeScript sources so tests never need a prior build.
 */
const moduleNameMapper = {
  '^@callpro/contracts$': '<rootDir>/libs/contracts/src/index.ts',
  '^@callpro/permissions$': '<rootDir>/libs/permissions/src/index.ts',
};
const transform = { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] };
const common = { rootDir: __dirname, moduleNameMapper, transform, testEnvironment: 'node' };

module.exports = {
  // a global option: per-project testTimeout is ignored by jest
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/backend/src/**/*.spec.ts', '<rootDir>/admin-ui/src/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts', '<rootDir>/test/security/**/*.e2e-spec.ts', '<rootDir>/test/resilience/**/*.e2e-spec.ts', '<rootDir>/test/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFiles: ['<rootDir>/test/support/env.ts'],
    },
  ],
};
