// Jest runs in ESM mode (the action and @actions/* are ESM-only): NODE_OPTIONS=--experimental-vm-modules.
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: [151002] } }],
  },
  testMatch: ['**/__tests__/**/*.test.ts'],
  testTimeout: 60000,
  // The end-to-end tests start loopback servers and real gcloud processes: two workers fit this 2-core machine.
  maxWorkers: 2,
  collectCoverageFrom: ['src/**/*.ts'],
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.mjs'],
  // Without gcloud on PATH, one line saying what to install, at once (the GKE tests run the real gcloud).
  globalSetup: '<rootDir>/__tests__/support/global-setup.mjs',
  // No `::debug::` flood from @actions/core in the test output; both Providers loaded, as a run loads its own.
  setupFiles: ['<rootDir>/__tests__/support/quiet-debug.ts', '<rootDir>/__tests__/support/load-providers.ts'],
};
