import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the real server in a child process, the built page in headless Chromium. One file at a time in a
 * single fork (each file starts its own server and builds the seed index), with timeouts that allow for both.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
  },
});
