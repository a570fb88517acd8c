import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each file starts Prism once (~1 s); leave room on a slow CI machine.
    hookTimeout: 30_000,
    testTimeout: 30_000,
  },
});
