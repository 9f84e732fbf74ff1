import { defineConfig } from 'vitest/config';

/** Screenshots for reviewing the look; not part of any test run. */
export default defineConfig({
  test: {
    name: 'web-screenshots',
    environment: 'node',
    include: ['e2e/**/*.shots.ts'],
    fileParallelism: false,
  },
});
