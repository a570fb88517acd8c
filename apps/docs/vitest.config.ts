import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Launching chromium and parsing the 2.5 MB page take seconds, not milliseconds.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
