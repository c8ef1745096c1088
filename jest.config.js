/**
 * Three layers, named by suffix:
 *   unit        *.test.ts beside the code (no network, no database)
 *   federation  test/federation/*.test.ts: subgraphs and gateway in this process, composed in memory, real PostgreSQL
 *   security    test/security/*.test.ts: the attack suite, against the in-process supergraph on real PostgreSQL
 *   e2e         test/e2e/*.e2e.test.ts: real processes started from the command line, queried through the gateway
 *   conformance test/conformance/*.test.ts: our gateway and plain @apollo/gateway over fixture subgraphs (no database)
 * Tests are transpiled without type checks; `npm run typecheck` checks the types.
 */
// swc strips the types (CI's cache is always cold: ts-jest cost every worker a TypeScript compiler per file).
const transform = {
  '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' }, sourceMaps: 'inline' }],
};
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['node', 'node-addons', '@partnergraph/source'] },
  transform,
  moduleFileExtensions: ['ts', 'js', 'json'],
  // An older commit's tree for the benchmark (bench/src/baseline-tree.ts): its packages share our names.
  modulePathIgnorePatterns: ['<rootDir>/bench/baseline/'],
};

module.exports = {
  // jest-circus reads the timeout from the global config only; a project's `testTimeout` is ignored.
  // Real servers and PostgreSQL on a 2-core machine: bounded waits inside the tests go up to 10 s,
  // and e2e hooks that start a whole stack set their own, longer timeouts.
  testTimeout: 30000,
  // Most of a federation or e2e test's time is spent waiting on sockets, PostgreSQL and child
  // processes, so three workers keep two cores busy where jest's default (cores - 1) leaves one idle.
  maxWorkers: 3,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{packages,subgraphs,gateway,scripts}/*/src/**/*.test.ts', '<rootDir>/{gateway,scripts,bench}/src/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'federation',
      testMatch: ['<rootDir>/test/federation/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
    },
    {
      ...common,
      displayName: 'security',
      testMatch: ['<rootDir>/test/security/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
    },
    {
      ...common,
      displayName: 'conformance',
      testMatch: ['<rootDir>/test/conformance/**/*.test.ts'],
    },
  ],
};
