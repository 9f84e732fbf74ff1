import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    // A ceiling for hangs, not a speed check: CI shares two cores with every other package.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
