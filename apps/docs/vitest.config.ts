import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Launching chromium and clicking through an area page's tabs take seconds, not milliseconds.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
