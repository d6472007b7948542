import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores on CI: more workers only add contention for PGlite's CPU-bound queries.
    maxWorkers: 2,
    restoreMocks: true,
  },
});
