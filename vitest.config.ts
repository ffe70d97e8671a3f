import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/bench/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration tests open real encrypted databases and the e2e tests a real Chromium:
    // run files in forked processes, two at a time (2-core machines).
    pool: 'forks',
    maxWorkers: 2,
  },
});
