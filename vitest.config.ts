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
    // expect.poll's default of 1 s is too short for a browser step on a loaded 2-core machine (a staff account
    // hashed and the list reloaded, a dashboard's map drawn): those failed under load and passed alone. It only
    // waits longer for something that has not happened yet.
    expect: { poll: { timeout: 10_000 } },
  },
});
