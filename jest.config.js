/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // swc only transpiles (type checking is `npm run typecheck`); it is native code, so a run on an empty cache (CI)
    // does not spend a TypeScript compiler's time on every file in every worker.
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
    // The schema engine's wasm-bindgen glue ships as ESM only; jest's CommonJS runtime needs it transpiled.
    '/@prisma/schema-engine-wasm/.+\\.js$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!@prisma/schema-engine-wasm/)'],
  // The SDK, restify, the card templating and pdfkit load once per worker instead of once per test file (~1.6 CPU-s
  // each); the project's code and stateful libraries still load fresh per file (see the file).
  runtime: '<rootDir>/test/helpers/sharedModulesRuntime.js',
  // One migrated template database per run, copied for each test file (test/helpers/template.ts).
  globalSetup: '<rootDir>/test/helpers/globalSetup.ts',
  globalTeardown: '<rootDir>/test/helpers/globalTeardown.ts',
  testTimeout: 60000,
  // Three workers on this 2-core machine: a test file spends much of its time waiting (on PostgreSQL, Chromium, child
  // processes, timers), so a third keeps the cores busy. With three, PGlite 445 s and PostgreSQL 294 s wall, all passing
  // (the previous CI run, two workers and slower test databases: 886 s and 414 s; README "Start").
  maxWorkers: 3,
  // The Prisma schema engine (wasm) leaves a ~10 s advisory-lock timer behind after migrating;
  // it cannot be cleared from outside, so don't let it hold the run open.
  forceExit: true,
};
