import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/support/globalSetup.ts'],
    include: ['test/**/*.test.ts'],
    // Room for a shared two-core machine: a test that hangs still fails, one that waits for CPU does not.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: more workers only adds contention with FerretDB and Chromium.
    maxWorkers: 2,
  },
});
