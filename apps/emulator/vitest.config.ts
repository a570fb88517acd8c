import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Servers start in well under a second, but the machine is shared: leave room.
    hookTimeout: 30_000,
    testTimeout: 30_000,
  },
});
