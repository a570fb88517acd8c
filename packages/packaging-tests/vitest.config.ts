import { defineConfig } from "vitest/config";

// Packing and installing from the npm registry take tens of seconds on a cold cache.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 240_000,
    hookTimeout: 600_000,
  },
});
