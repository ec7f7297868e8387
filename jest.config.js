/** Jest runs the TypeScript sources as ESM (ts-jest, isolated modules: type checking is `npm run typecheck`). */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json' }],
  },
  testTimeout: 60000,
  maxWorkers: 2,
  // Prints the fault matrix table (issue 6) when test/faults ran; silent otherwise.
  reporters: ['default', '<rootDir>/test/faults/matrix-reporter.mjs'],
};
